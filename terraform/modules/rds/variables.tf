# Inputs of the RDS PostgreSQL module. Defaults are production-safe (Multi-AZ, encrypted, private, deletion
# protection, final snapshot, 7-day backups); loosen them per environment in the calling module.

# ---------------------------------------------------------------------------------------------------------------
# Identity and engine
# ---------------------------------------------------------------------------------------------------------------

variable "identifier" {
  description = "Identifier of the primary instance; replicas are named <identifier>-replica-1 and -2. Also prefixes every other resource name."
  type        = string

  validation {
    # 50 characters leave room for the "-replica-N" suffix inside RDS's 63-character limit.
    condition     = can(regex("^[a-z][a-z0-9-]{0,49}$", var.identifier)) && !can(regex("--|-$", var.identifier))
    error_message = "identifier must start with a letter, use lower-case letters, digits and single hyphens, not end with a hyphen, and be at most 50 characters."
  }
}

variable "engine_version" {
  description = "PostgreSQL version. A major version alone (\"15\") lets RDS pick the default minor and keeps auto minor upgrades free of drift; a full version (\"15.12\") pins it (then set auto_minor_version_upgrade = false)."
  type        = string
  default     = "15"

  validation {
    condition     = can(regex("^[0-9]{2}(\\.[0-9]+)?$", var.engine_version))
    error_message = "engine_version must look like \"15\" or \"15.12\"."
  }
}

variable "instance_class" {
  description = "Instance class of the primary."
  type        = string
  default     = "db.r6g.large"
}

variable "replica_instance_class" {
  description = "Instance class of the read replicas (may differ from the primary's)."
  type        = string
  default     = "db.r6g.large"
}

variable "replica_count" {
  description = "Number of read replicas: 0, 1 or 2. The application reads DB_READ_HOST (replica 1) and DB_READ_HOST_2 (replica 2)."
  type        = number
  default     = 1

  validation {
    condition     = var.replica_count >= 0 && var.replica_count <= 2 && floor(var.replica_count) == var.replica_count
    error_message = "replica_count must be 0, 1 or 2."
  }
}

variable "replica_availability_zones" {
  description = "Optional availability zone per replica (index 0 for replica 1). Empty lets RDS choose."
  type        = list(string)
  default     = []
}

variable "auto_minor_version_upgrade" {
  description = "Let RDS apply minor engine upgrades in the maintenance window."
  type        = bool
  default     = true
}

variable "allow_major_version_upgrade" {
  description = "Allow a change of engine_version to a new major version (RDS upgrades the replicas with the primary; the parameter group of the new family is created first)."
  type        = bool
  default     = false
}

variable "apply_immediately" {
  description = "Apply instance modifications now instead of in the maintenance window. Static parameter changes still need a reboot (see README)."
  type        = bool
  default     = false
}

variable "ca_cert_identifier" {
  description = "Certificate authority of the server certificate; clients verifying TLS need the matching RDS CA bundle."
  type        = string
  default     = "rds-ca-rsa2048-g1"
}

# ---------------------------------------------------------------------------------------------------------------
# Database and credentials
# ---------------------------------------------------------------------------------------------------------------

variable "db_name" {
  description = "Database created on the primary (DB_NAME)."
  type        = string
  default     = "muejam"

  validation {
    condition     = can(regex("^[a-z][a-z0-9_]{0,62}$", var.db_name))
    error_message = "db_name must start with a letter and use lower-case letters, digits and underscores (at most 63)."
  }
}

variable "port" {
  description = "PostgreSQL port of every instance."
  type        = number
  default     = 5432

  validation {
    condition     = var.port >= 1150 && var.port <= 65535
    error_message = "RDS accepts ports 1150-65535."
  }
}

variable "master_username" {
  description = "Master user name (DB_USER, also stored in the credentials secret)."
  type        = string
  default     = "muejam"

  validation {
    condition     = can(regex("^[a-z][a-z0-9_]{0,62}$", var.master_username)) && !contains(["postgres", "rdsadmin", "admin"], var.master_username)
    error_message = "master_username must be a lower-case identifier and not a reserved name (postgres, rdsadmin, admin)."
  }
}

variable "manage_master_user_password" {
  description = "Let RDS generate the master password and keep (and rotate) it in Secrets Manager. AWS refuses to create read replicas of a source whose password is managed this way, so this requires replica_count = 0."
  type        = bool
  default     = false

  validation {
    condition     = !var.manage_master_user_password || var.replica_count == 0
    error_message = "manage_master_user_password = true cannot be combined with read replicas (AWS does not create replicas of a source whose master password Secrets Manager manages). Use master_password, or replica_count = 0."
  }
}

variable "master_password" {
  description = "Master password when manage_master_user_password is false. Ephemeral: it goes only to write-only arguments (password_wo of the primary, secret_string_wo of the module's secret), never into the plan or the state. Needed on every plan and apply in this mode; RDS and the secret receive it when master_password_version changes."
  type        = string
  default     = null
  sensitive   = true
  ephemeral   = true

  validation {
    # try(): Terraform before 1.12 evaluates both sides of || and length(null) is an error.
    condition     = var.manage_master_user_password || (try(length(var.master_password), 0) >= 8 && try(length(var.master_password), 0) <= 128 && !can(regex("[/\"@ ]", var.master_password)))
    error_message = "Set master_password (8-128 characters, without /, \", @ or spaces) when manage_master_user_password is false."
  }
}

variable "master_password_version" {
  description = "Version of master_password (write-only arguments are sent only when their version changes). Increase it, with the new master_password, to change the password: one apply updates RDS and the secret."
  type        = number
  default     = 1

  validation {
    condition     = var.master_password_version >= 1 && floor(var.master_password_version) == var.master_password_version
    error_message = "master_password_version must be a positive whole number."
  }
}

variable "secret_recovery_window_in_days" {
  description = "Recovery window of the module-created credentials secret (password mode): 0 (delete at once) or 7-30 days."
  type        = number
  default     = 7

  validation {
    condition     = var.secret_recovery_window_in_days == 0 || (var.secret_recovery_window_in_days >= 7 && var.secret_recovery_window_in_days <= 30)
    error_message = "secret_recovery_window_in_days must be 0 or 7-30."
  }
}

# ---------------------------------------------------------------------------------------------------------------
# Storage, encryption, backups
# ---------------------------------------------------------------------------------------------------------------

variable "allocated_storage" {
  description = "Initial gp3 storage in GiB (gp3 gives 3000 IOPS / 125 MiB/s below 400 GiB)."
  type        = number
  default     = 100

  validation {
    condition     = var.allocated_storage >= 20 && var.allocated_storage <= 65536
    error_message = "allocated_storage must be 20-65536 GiB."
  }
}

variable "max_allocated_storage" {
  description = "Storage autoscaling limit in GiB (must exceed allocated_storage)."
  type        = number
  default     = 500

  validation {
    condition     = var.max_allocated_storage > var.allocated_storage && var.max_allocated_storage <= 65536
    error_message = "max_allocated_storage must be greater than allocated_storage (storage autoscaling on) and at most 65536."
  }
}

variable "create_kms_key" {
  description = "Create a customer-managed KMS key for storage, Performance Insights, the credentials secret, the log groups and the alarm topic. Set false and pass kms_key_arn to use your own (its policy must admit logs.<region>.amazonaws.com and cloudwatch.amazonaws.com like the module's, see main.tf)."
  type        = bool
  default     = true

  validation {
    condition     = var.create_kms_key || var.kms_key_arn != null
    error_message = "Pass kms_key_arn when create_kms_key is false."
  }
}

variable "kms_key_arn" {
  description = "ARN of an existing KMS key (used only when create_kms_key is false)."
  type        = string
  default     = null
}

variable "backup_retention_period" {
  description = "Days of automated backups of the primary (7-35)."
  type        = number
  default     = 7

  validation {
    condition     = var.backup_retention_period >= 7 && var.backup_retention_period <= 35
    error_message = "backup_retention_period must be 7-35 days."
  }
}

variable "backup_window" {
  description = "Daily backup window (UTC, hh24:mi-hh24:mi); must not overlap the maintenance window."
  type        = string
  default     = "03:00-04:00"
}

variable "maintenance_window" {
  description = "Weekly maintenance window (UTC, ddd:hh24:mi-ddd:hh24:mi)."
  type        = string
  default     = "sun:04:30-sun:05:30"
}

variable "deletion_protection" {
  description = "Refuse to delete the primary."
  type        = bool
  default     = true
}

variable "replica_deletion_protection" {
  description = "Refuse to delete replicas. Off by default so that replica_count can be lowered; replicas hold no data of their own."
  type        = bool
  default     = false
}

variable "skip_final_snapshot" {
  description = "Delete the primary without a final snapshot. Keep false outside throw-away environments."
  type        = bool
  default     = false
}

# ---------------------------------------------------------------------------------------------------------------
# Network
# ---------------------------------------------------------------------------------------------------------------

variable "vpc_id" {
  description = "VPC of the database security group."
  type        = string
}

variable "subnet_ids" {
  description = "Private subnets for the DB subnet group, in at least two availability zones (Multi-AZ)."
  type        = list(string)

  validation {
    condition     = length(var.subnet_ids) >= 2
    error_message = "subnet_ids needs at least two subnets in different availability zones."
  }
}

variable "allowed_security_group_ids" {
  description = "Security groups (the application nodes) admitted on the PostgreSQL port."
  type        = list(string)
  default     = []

  validation {
    condition     = length(var.allowed_security_group_ids) + length(var.allowed_cidr_blocks) > 0
    error_message = "Admit at least one source: allowed_security_group_ids or allowed_cidr_blocks."
  }
}

variable "allowed_cidr_blocks" {
  description = "IPv4 CIDR blocks admitted on the PostgreSQL port; each must lie inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16."
  type        = list(string)
  default     = []

  validation {
    # A block lies inside a private range when its prefix is at least as long as the range's and its network
    # address, cut to the range's prefix, is the range's network address. try(): IPv6 or malformed blocks fail.
    condition = alltrue([for cidr in var.allowed_cidr_blocks : try(anytrue([
      for private in ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"] :
      can(regex("^[0-9.]+/[0-9]+$", cidr)) &&
      tonumber(split("/", cidr)[1]) >= tonumber(split("/", private)[1]) &&
      cidrhost(format("%s/%s", cidrhost(cidr, 0), split("/", private)[1]), 0) == cidrhost(private, 0)
    ]), false)])
    error_message = "allowed_cidr_blocks must be IPv4 CIDR blocks inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16 (no /0, no public ranges)."
  }
}

# ---------------------------------------------------------------------------------------------------------------
# Connections (see connections.tf)
# ---------------------------------------------------------------------------------------------------------------

variable "app_node_count" {
  description = "Maximum number of application nodes connecting at once (count the extra nodes of a rolling deployment)."
  type        = number
  default     = 4

  validation {
    condition     = var.app_node_count >= 1 && floor(var.app_node_count) == var.app_node_count
    error_message = "app_node_count must be a positive whole number."
  }
}

variable "app_pool_max_size" {
  description = "Maximum size of one application connection pool (DB_POOL_MAX_CONNECTIONS)."
  type        = number
  default     = 50

  validation {
    condition     = var.app_pool_max_size >= 1 && floor(var.app_pool_max_size) == var.app_pool_max_size
    error_message = "app_pool_max_size must be a positive whole number."
  }
}

variable "app_pools_per_node" {
  description = "Pools each node may open on one instance. 2 because the read pool falls back to the primary when DB_READ_HOST is unset."
  type        = number
  default     = 2

  validation {
    condition     = var.app_pools_per_node >= 1 && floor(var.app_pools_per_node) == var.app_pools_per_node
    error_message = "app_pools_per_node must be a positive whole number."
  }
}

variable "reserved_connections" {
  description = "Connections above the application pools: superuser reserve, migrations (Liquibase), operators, monitoring."
  type        = number
  default     = 30

  validation {
    condition     = var.reserved_connections >= 10
    error_message = "Keep at least 10 connections for administration."
  }
}

# ---------------------------------------------------------------------------------------------------------------
# Monitoring and alarms
# ---------------------------------------------------------------------------------------------------------------

variable "performance_insights_retention_period" {
  description = "Performance Insights retention in days: 7 (free tier) or a multiple of 31 up to 731."
  type        = number
  default     = 7

  validation {
    # RDS accepts 7 (free tier), 731 (two years) or a whole number of 31-day months from 1 to 23 (31-713).
    # The lower bound matters: 0 and negative multiples of 31 pass the modulo test alone.
    condition = (
      var.performance_insights_retention_period == 7 ||
      var.performance_insights_retention_period == 731 ||
      (var.performance_insights_retention_period >= 31 && var.performance_insights_retention_period <= 713 && var.performance_insights_retention_period % 31 == 0)
    )
    error_message = "performance_insights_retention_period must be 7, 731 or a multiple of 31 between 31 and 713 (months of 31 days)."
  }
}

variable "create_monitoring_role" {
  description = "Create the IAM role for enhanced monitoring. Set false and pass monitoring_role_arn to reuse one."
  type        = bool
  default     = true

  validation {
    condition     = var.create_monitoring_role || var.monitoring_role_arn != null
    error_message = "Pass monitoring_role_arn when create_monitoring_role is false."
  }
}

variable "monitoring_role_arn" {
  description = "Existing enhanced monitoring role (used only when create_monitoring_role is false)."
  type        = string
  default     = null
}

variable "log_retention_in_days" {
  description = "Retention of the exported PostgreSQL and upgrade logs in CloudWatch Logs."
  type        = number
  default     = 30
}

variable "create_sns_topic" {
  description = "Create the SNS topic the alarms notify. Set false and pass alarm_sns_topic_arn to use your own."
  type        = bool
  default     = true

  validation {
    condition     = var.create_sns_topic || var.alarm_sns_topic_arn != null
    error_message = "Pass alarm_sns_topic_arn when create_sns_topic is false."
  }
}

variable "alarm_sns_topic_arn" {
  description = "Existing SNS topic for the alarms (used only when create_sns_topic is false)."
  type        = string
  default     = null
}

variable "sns_kms_master_key_id" {
  description = "KMS key for the created topic instead of the module's key (null: the module's key, whose policy admits cloudwatch.amazonaws.com). CloudWatch cannot publish to a topic encrypted with the AWS-managed alias/aws/sns key: a key given here must admit cloudwatch.amazonaws.com."
  type        = string
  default     = null
}

variable "alarm_email_addresses" {
  description = "E-mail addresses subscribed to the alarm topic (each must confirm the subscription)."
  type        = list(string)
  default     = []
}

variable "cpu_utilization_threshold" {
  description = "CPUUtilization percentage above which an instance alarms."
  type        = number
  default     = 80
}

variable "connections_alarm_ratio" {
  description = "Share of max_connections above which DatabaseConnections alarms."
  type        = number
  default     = 0.8

  validation {
    condition     = var.connections_alarm_ratio > 0 && var.connections_alarm_ratio < 1
    error_message = "connections_alarm_ratio must be between 0 and 1."
  }
}

variable "replica_lag_threshold_seconds" {
  description = "ReplicaLag (seconds) above which a replica alarms; reads routed to replicas tolerate about this much staleness."
  type        = number
  default     = 1
}

variable "free_storage_space_threshold_bytes" {
  description = "FreeStorageSpace below which an instance alarms (default 5 GiB; autoscaling acts at 10% free, so this fires when it cannot)."
  type        = number
  default     = 5368709120
}

variable "freeable_memory_threshold_bytes" {
  description = "FreeableMemory below which an instance alarms (default 256 MiB)."
  type        = number
  default     = 268435456
}

variable "tags" {
  description = "Tags for every resource."
  type        = map(string)
  default     = {}
}
