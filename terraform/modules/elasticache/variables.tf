# Inputs of the ElastiCache module (Valkey or Redis OSS, cluster mode disabled). Defaults are production-safe:
# a replica in another availability zone, automatic failover, Multi-AZ, encryption at rest and in transit (TLS
# required), an auth token, daily snapshots.

# ---------------------------------------------------------------------------------------------------------------
# Identity and engine
# ---------------------------------------------------------------------------------------------------------------

variable "identifier" {
  description = "Replication group id; nodes are <identifier>-001, -002... Also prefixes every other resource name."
  type        = string

  validation {
    # ElastiCache allows 40 characters for a replication group id; node ids append "-00N".
    condition     = can(regex("^[a-z][a-z0-9-]{0,39}$", var.identifier)) && !can(regex("--|-$", var.identifier))
    error_message = "identifier must start with a letter, use lower-case letters, digits and single hyphens, not end with a hyphen, and be at most 40 characters."
  }
}

variable "engine" {
  description = "\"valkey\" (default) or \"redis\" (Redis OSS). The application speaks the Redis protocol to either."
  type        = string
  default     = "valkey"

  validation {
    condition     = contains(["valkey", "redis"], var.engine)
    error_message = "engine must be \"valkey\" or \"redis\"."
  }
}

variable "engine_version" {
  description = "Engine version, major.minor (\"8.0\" for Valkey, \"7.1\" for Redis OSS). At least 7: transit_encryption_mode needs it."
  type        = string
  default     = "8.0"

  validation {
    # Valkey 7.2 and later; Redis OSS ends at 7.x on ElastiCache (family redis7).
    condition     = can(regex("^[0-9]+\\.[0-9]+$", var.engine_version)) && try(var.engine == "redis" ? tonumber(split(".", var.engine_version)[0]) == 7 : tonumber(split(".", var.engine_version)[0]) >= 7, false)
    error_message = "engine_version must look like \"8.0\": 7.2 or later for valkey, 7.x for redis."
  }
}

variable "node_type" {
  description = "Node type of every node (the primary and its replicas)."
  type        = string
  default     = "cache.r7g.large"
}

variable "port" {
  description = "Port of the nodes (the application's VALKEY_URL uses it)."
  type        = number
  default     = 6379

  validation {
    condition     = var.port >= 1024 && var.port <= 65535
    error_message = "port must be 1024-65535."
  }
}

variable "availability_zones" {
  description = "One node per entry, in this order: the primary in the first zone, replicas in the others. 2-6 entries; the second must differ from the first, so that a replica survives the loss of the primary's zone."
  type        = list(string)

  validation {
    condition     = length(var.availability_zones) >= 2 && length(var.availability_zones) <= 6
    error_message = "availability_zones needs 2-6 entries (a primary and 1-5 replicas)."
  }

  validation {
    # try(): with fewer than two entries the rule above already reports the problem.
    condition     = try(var.availability_zones[0] != var.availability_zones[1], false)
    error_message = "The first replica (second entry of availability_zones) must be in another availability zone than the primary (first entry)."
  }
}

variable "maxmemory_policy" {
  description = "Eviction policy when memory is full. The L2 cache of the application holds only re-computable entries, so the least recently used key of any kind goes."
  type        = string
  default     = "allkeys-lru"

  validation {
    condition     = contains(["allkeys-lru", "allkeys-lfu", "volatile-lru", "volatile-lfu", "allkeys-random", "volatile-random", "volatile-ttl"], var.maxmemory_policy)
    error_message = "maxmemory_policy must be an evicting policy (noeviction turns a full cache into write errors)."
  }
}

variable "apply_immediately" {
  description = "Apply changes now instead of in the maintenance window."
  type        = bool
  default     = false
}

variable "maintenance_window" {
  description = "Weekly maintenance window (UTC, ddd:hh24:mi-ddd:hh24:mi)."
  type        = string
  default     = "sun:05:30-sun:06:30"
}

variable "snapshot_window" {
  description = "Daily snapshot window (UTC, hh24:mi-hh24:mi); must not overlap the maintenance window."
  type        = string
  default     = "02:00-03:00"
}

variable "snapshot_retention_limit" {
  description = "Days of daily snapshots (1-35). The cache can be rebuilt from the database, but a snapshot shortens the cold start after a disaster."
  type        = number
  default     = 7

  validation {
    condition     = var.snapshot_retention_limit >= 1 && var.snapshot_retention_limit <= 35
    error_message = "snapshot_retention_limit must be 1-35 days."
  }
}

# ---------------------------------------------------------------------------------------------------------------
# Encryption and auth token
# ---------------------------------------------------------------------------------------------------------------

variable "kms_key_arn" {
  description = "Customer-managed KMS key for data at rest, snapshots, the auth token secret and the slow-log group (the root module passes the RDS module's key, whose policy admits CloudWatch Logs)."
  type        = string
}

variable "auth_token_version" {
  description = "Version of the auth token. Increase it to generate a new token: the secret gets a new version and ElastiCache rotates to it (the old token stays valid until the next change, auth_token_update_strategy = ROTATE)."
  type        = number
  default     = 1

  validation {
    condition     = var.auth_token_version >= 1 && floor(var.auth_token_version) == var.auth_token_version
    error_message = "auth_token_version must be a positive whole number."
  }
}

variable "secret_recovery_window_in_days" {
  description = "Recovery window of the auth token secret: 0 (delete at once) or 7-30 days."
  type        = number
  default     = 7

  validation {
    condition     = var.secret_recovery_window_in_days == 0 || (var.secret_recovery_window_in_days >= 7 && var.secret_recovery_window_in_days <= 30)
    error_message = "secret_recovery_window_in_days must be 0 or 7-30."
  }
}

# ---------------------------------------------------------------------------------------------------------------
# Network
# ---------------------------------------------------------------------------------------------------------------

variable "vpc_id" {
  description = "VPC of the cache security group."
  type        = string
}

variable "subnet_ids" {
  description = "Private subnets for the cache subnet group, covering every zone of availability_zones."
  type        = list(string)

  validation {
    condition     = length(var.subnet_ids) >= 2
    error_message = "subnet_ids needs at least two subnets in different availability zones."
  }
}

variable "allowed_security_group_ids" {
  description = "Security groups of the application nodes: the only sources admitted on the port (no CIDR blocks)."
  type        = list(string)

  validation {
    condition     = length(var.allowed_security_group_ids) >= 1
    error_message = "allowed_security_group_ids needs the application's security group."
  }
}

# ---------------------------------------------------------------------------------------------------------------
# Monitoring and alarms
# ---------------------------------------------------------------------------------------------------------------

variable "alarm_sns_topic_arn" {
  description = "SNS topic of the alarms and of the ElastiCache events (failover, node replacement); the root module passes the RDS module's topic."
  type        = string
}

variable "log_retention_in_days" {
  description = "Retention of the slow log in CloudWatch Logs."
  type        = number
  default     = 30
}

variable "cpu_utilization_threshold" {
  description = "EngineCPUUtilization percentage (the engine's single thread) above which a node alarms."
  type        = number
  default     = 80
}

variable "memory_usage_threshold" {
  description = "DatabaseMemoryUsagePercentage above which a node alarms."
  type        = number
  default     = 80
}

variable "evictions_threshold" {
  description = "Evictions per 5 minutes above which a node alarms (a cache that evicts this much is too small for its working set)."
  type        = number
  default     = 1000
}

variable "replication_lag_threshold_seconds" {
  description = "ReplicationLag (seconds) above which a replica alarms."
  type        = number
  default     = 1
}

variable "connections_threshold" {
  description = "CurrConnections above which a node alarms (a connection leak or a pool sized wrong; ElastiCache's maxclients is 65000)."
  type        = number
  default     = 1000
}

variable "tags" {
  description = "Tags for every resource."
  type        = map(string)
  default     = {}
}
