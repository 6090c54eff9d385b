# Everything the application nodes need; see modules/rds/README.md for the variable each output feeds.

output "db_primary_address" {
  description = "DB_HOST"
  value       = module.rds.db_primary_address
}

output "db_primary_port" {
  description = "DB_PORT"
  value       = module.rds.db_primary_port
}

output "db_primary_endpoint" {
  description = "host:port of the primary"
  value       = module.rds.db_primary_endpoint
}

output "db_replica_1_address" {
  description = "DB_READ_HOST (null without replicas)"
  value       = module.rds.db_replica_1_address
}

output "db_replica_1_port" {
  description = "DB_READ_PORT (null without replicas)"
  value       = module.rds.db_replica_1_port
}

output "db_replica_1_endpoint" {
  description = "host:port of replica 1"
  value       = module.rds.db_replica_1_endpoint
}

output "db_replica_2_address" {
  description = "DB_READ_HOST_2 (null unless two replicas)"
  value       = module.rds.db_replica_2_address
}

output "db_replica_2_port" {
  description = "DB_READ_PORT_2 (null unless two replicas)"
  value       = module.rds.db_replica_2_port
}

output "db_replica_2_endpoint" {
  description = "host:port of replica 2"
  value       = module.rds.db_replica_2_endpoint
}

output "db_name" {
  description = "DB_NAME"
  value       = module.rds.db_name
}

output "use_read_replica" {
  description = "USE_READ_REPLICA"
  value       = module.rds.use_read_replica
}

output "master_user_secret_arn" {
  description = "Secret holding DB_USER (username) and DB_PASSWORD (password)"
  value       = module.rds.master_user_secret_arn
}

output "kms_key_arn" {
  description = "KMS key the secret is encrypted with (readers need kms:Decrypt)"
  value       = module.rds.kms_key_arn
}

output "security_group_id" {
  description = "Security group of the database instances"
  value       = module.rds.security_group_id
}

output "alarm_sns_topic_arn" {
  description = "SNS topic of the database alarms"
  value       = module.rds.alarm_sns_topic_arn
}

output "application_environment" {
  description = "Non-secret environment of the application nodes (missing replicas left out; VALKEY_URL without its token)"
  value       = merge(module.rds.application_environment, module.elasticache.application_environment)
}

output "valkey_url" {
  description = "VALKEY_URL without credentials (rediss://host:6379/0); the token is in cache_auth_token_secret_arn"
  value       = module.elasticache.valkey_url
}

output "cache_auth_token_secret_arn" {
  description = "Secret holding the cache auth token (the password of VALKEY_URL)"
  value       = module.elasticache.auth_token_secret_arn
}

output "cache_primary_endpoint_address" {
  description = "Primary endpoint of the cache (follows failover)"
  value       = module.elasticache.primary_endpoint_address
}

output "cache_reader_endpoint_address" {
  description = "Reader endpoint of the cache"
  value       = module.elasticache.reader_endpoint_address
}

output "cache_security_group_id" {
  description = "Security group of the cache nodes"
  value       = module.elasticache.security_group_id
}
