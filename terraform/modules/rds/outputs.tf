# Outputs feed the application's environment (README: "Application environment").

output "db_primary_address" {
  description = "Host name of the primary (DB_HOST)."
  value       = aws_db_instance.primary.address
}

output "db_primary_port" {
  description = "Port of the primary (DB_PORT)."
  value       = aws_db_instance.primary.port
}

output "db_primary_endpoint" {
  description = "host:port of the primary."
  value       = aws_db_instance.primary.endpoint
}

output "db_replica_1_address" {
  description = "Host name of replica 1 (DB_READ_HOST); null without replicas."
  value       = try(aws_db_instance.replica[0].address, null)
}

output "db_replica_1_port" {
  description = "Port of replica 1 (DB_READ_PORT); null without replicas."
  value       = try(aws_db_instance.replica[0].port, null)
}

output "db_replica_1_endpoint" {
  description = "host:port of replica 1; null without replicas."
  value       = try(aws_db_instance.replica[0].endpoint, null)
}

output "db_replica_2_address" {
  description = "Host name of replica 2 (DB_READ_HOST_2); null unless replica_count = 2."
  value       = try(aws_db_instance.replica[1].address, null)
}

output "db_replica_2_port" {
  description = "Port of replica 2 (DB_READ_PORT_2); null unless replica_count = 2."
  value       = try(aws_db_instance.replica[1].port, null)
}

output "db_replica_2_endpoint" {
  description = "host:port of replica 2; null unless replica_count = 2."
  value       = try(aws_db_instance.replica[1].endpoint, null)
}

output "db_replica_identifiers" {
  description = "Identifiers of the replicas, in order."
  value       = aws_db_instance.replica[*].identifier
}

output "use_read_replica" {
  description = "True when at least one replica exists (USE_READ_REPLICA)."
  value       = var.replica_count > 0
}

output "db_name" {
  description = "Database name (DB_NAME)."
  value       = aws_db_instance.primary.db_name
}

output "db_primary_identifier" {
  description = "Identifier of the primary (for reboots and the AWS console)."
  value       = aws_db_instance.primary.identifier
}

output "master_username" {
  description = "Master user name (DB_USER); also the \"username\" key of the secret."
  value       = aws_db_instance.primary.username
}

output "master_user_secret_arn" {
  description = "Secrets Manager secret with {\"username\", \"password\"} (DB_USER, DB_PASSWORD): the RDS-managed secret or the module-created one."
  value       = var.manage_master_user_password ? one(aws_db_instance.primary.master_user_secret[*].secret_arn) : one(aws_secretsmanager_secret.master[*].arn)
}

output "kms_key_arn" {
  description = "KMS key encrypting storage, Performance Insights and the secret (readers of the secret need kms:Decrypt on it)."
  value       = local.kms_key_arn
}

output "security_group_id" {
  description = "Security group of the instances."
  value       = aws_security_group.this.id
}

output "db_subnet_group_name" {
  description = "DB subnet group."
  value       = aws_db_subnet_group.this.name
}

output "parameter_group_name" {
  description = "Parameter group shared by the primary and the replicas."
  value       = aws_db_parameter_group.this.name
}

output "max_connections" {
  description = "max_connections set in the parameter group."
  value       = local.max_connections
}

output "alarm_sns_topic_arn" {
  description = "SNS topic the CloudWatch alarms notify."
  value       = local.alarm_topic_arn
}

output "application_environment" {
  description = "Environment variables for the application nodes, without credentials; entries without a value (missing replicas) are left out."
  value       = { for name, value in local.application_environment : name => value if value != null }
}

locals {
  application_environment = {
    DB_HOST          = aws_db_instance.primary.address
    DB_PORT          = tostring(aws_db_instance.primary.port)
    DB_NAME          = aws_db_instance.primary.db_name
    DB_READ_HOST     = try(aws_db_instance.replica[0].address, null)
    DB_READ_PORT     = try(tostring(aws_db_instance.replica[0].port), null)
    DB_READ_HOST_2   = try(aws_db_instance.replica[1].address, null)
    DB_READ_PORT_2   = try(tostring(aws_db_instance.replica[1].port), null)
    USE_READ_REPLICA = tostring(var.replica_count > 0)
  }
}
