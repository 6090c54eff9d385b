# Inputs of the root module; the RDS module validates them (modules/rds/variables.tf).

variable "aws_region" {
  description = "AWS region of the database."
  type        = string
}

variable "identifier" {
  description = "Name of the primary instance; replicas are <identifier>-replica-1 and -2."
  type        = string
  default     = "muejam"
}

variable "engine_version" {
  description = "PostgreSQL version (\"15\" follows the latest 15.x minor)."
  type        = string
  default     = "15"
}

variable "instance_class" {
  description = "Instance class of the primary."
  type        = string
  default     = "db.r6g.large"
}

variable "replica_instance_class" {
  description = "Instance class of the read replicas."
  type        = string
  default     = "db.r6g.large"
}

variable "replica_count" {
  description = "Read replicas: 0, 1 or 2."
  type        = number
  default     = 1
}

variable "db_name" {
  description = "Database name (DB_NAME)."
  type        = string
  default     = "muejam"
}

variable "master_username" {
  description = "Master user (DB_USER)."
  type        = string
  default     = "muejam"
}

variable "manage_master_user_password" {
  description = "Let RDS manage the master password in Secrets Manager (only without replicas)."
  type        = bool
  default     = false
}

variable "master_password" {
  description = "Master password when RDS does not manage it. Ephemeral (never in plan or state); pass it through TF_VAR_master_password on every plan and apply, never a committed file."
  type        = string
  default     = null
  sensitive   = true
  ephemeral   = true
}

variable "master_password_version" {
  description = "Increase with a new master_password to change it (write-only arguments are sent only when their version changes)."
  type        = number
  default     = 1
}

variable "allocated_storage" {
  description = "Initial storage in GiB."
  type        = number
  default     = 100
}

variable "max_allocated_storage" {
  description = "Storage autoscaling limit in GiB."
  type        = number
  default     = 500
}

variable "vpc_id" {
  description = "VPC of the database."
  type        = string
}

variable "subnet_ids" {
  description = "Private subnets in at least two availability zones."
  type        = list(string)
}

variable "allowed_security_group_ids" {
  description = "Security groups of the application nodes."
  type        = list(string)
  default     = []
}

variable "allowed_cidr_blocks" {
  description = "Private CIDR blocks admitted on the PostgreSQL port (operators' bastion, for instance)."
  type        = list(string)
  default     = []
}

variable "app_node_count" {
  description = "Maximum number of application nodes at once (sizes max_connections)."
  type        = number
  default     = 4
}

variable "app_pool_max_size" {
  description = "DB_POOL_MAX_CONNECTIONS of the application."
  type        = number
  default     = 50
}

variable "deletion_protection" {
  description = "Refuse to delete the primary."
  type        = bool
  default     = true
}

variable "skip_final_snapshot" {
  description = "Delete without a final snapshot (throw-away environments only)."
  type        = bool
  default     = false
}

variable "apply_immediately" {
  description = "Apply instance changes now rather than in the maintenance window."
  type        = bool
  default     = false
}

variable "performance_insights_retention_period" {
  description = "Performance Insights retention in days: 7, 731 or a multiple of 31 up to 713 (validated by the module)."
  type        = number
  default     = 7
}

variable "alarm_email_addresses" {
  description = "E-mail addresses subscribed to the alarm topic."
  type        = list(string)
  default     = []
}

variable "cache_engine" {
  description = "Engine of the L2 cache: \"valkey\" or \"redis\"."
  type        = string
  default     = "valkey"
}

variable "cache_engine_version" {
  description = "Engine version of the L2 cache (\"8.0\" for Valkey)."
  type        = string
  default     = "8.0"
}

variable "cache_node_type" {
  description = "Node type of the L2 cache."
  type        = string
  default     = "cache.r7g.large"
}

variable "cache_availability_zones" {
  description = "One cache node per entry, the primary first; the second entry must be another zone (its replica)."
  type        = list(string)
}

variable "cache_auth_token_version" {
  description = "Increase to generate and rotate to a new cache auth token."
  type        = number
  default     = 1
}

variable "tags" {
  description = "Tags for every resource (provider default_tags and the module's own)."
  type        = map(string)
  default = {
    "muejam:project" = "muejam"
  }
}
