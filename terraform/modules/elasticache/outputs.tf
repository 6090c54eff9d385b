# Outputs feed the application's environment (README: "Application environment").

output "valkey_url" {
  description = "VALKEY_URL without credentials: rediss:// (TLS) to the primary endpoint, database 0. Insert the auth token (secret auth_token_secret_arn) as the password: rediss://:<token>@host:port/0."
  value       = local.valkey_url
}

output "primary_endpoint_address" {
  description = "Primary endpoint (follows failover)."
  value       = aws_elasticache_replication_group.this.primary_endpoint_address
}

output "reader_endpoint_address" {
  description = "Reader endpoint (spreads over the replicas)."
  value       = aws_elasticache_replication_group.this.reader_endpoint_address
}

output "port" {
  description = "Port of the nodes."
  value       = aws_elasticache_replication_group.this.port
}

output "auth_token_secret_arn" {
  description = "Secrets Manager secret whose string is the auth token (the password of VALKEY_URL); readers need kms:Decrypt on the KMS key."
  value       = aws_secretsmanager_secret.auth_token.arn
}

output "replication_group_id" {
  description = "Replication group id."
  value       = aws_elasticache_replication_group.this.id
}

output "node_ids" {
  description = "Node ids, the primary first (as created; failover swaps the roles)."
  value       = local.node_ids
}

output "security_group_id" {
  description = "Security group of the nodes."
  value       = aws_security_group.this.id
}

output "application_environment" {
  description = "Environment variables for the application nodes, without credentials."
  value       = { VALKEY_URL = local.valkey_url }
}

locals {
  valkey_url = "rediss://${aws_elasticache_replication_group.this.primary_endpoint_address}:${aws_elasticache_replication_group.this.port}/0"
}
