# ElastiCache for Valkey (or Redis OSS), cluster mode disabled: a primary and 1-5 replicas, one node per entry of
# availability_zones, automatic failover to a replica in another zone, encrypted at rest and in transit.

locals {
  engine_major = split(".", var.engine_version)[0]
  node_count   = length(var.availability_zones)

  tags = merge(var.tags, { "muejam:component" = "cache", "muejam:cache-group" = var.identifier })
}

resource "aws_elasticache_subnet_group" "this" {
  name        = var.identifier
  description = "Private subnets of ElastiCache ${var.identifier}"
  subnet_ids  = var.subnet_ids
  tags        = local.tags
}

# Slow log (commands above slowlog-log-slower-than, 10 ms by default), created here so that it has a retention and
# is encrypted with the KMS key.
resource "aws_cloudwatch_log_group" "slow_log" {
  name              = "/aws/elasticache/${var.identifier}/slow-log"
  retention_in_days = var.log_retention_in_days
  kms_key_id        = var.kms_key_arn
  tags              = local.tags
}

resource "aws_elasticache_replication_group" "this" {
  replication_group_id = var.identifier
  description          = "MueJam L2 cache ${var.identifier}"

  engine               = var.engine
  engine_version       = var.engine_version
  node_type            = var.node_type
  port                 = var.port
  parameter_group_name = aws_elasticache_parameter_group.this.name

  # One node per zone entry; the first is the primary. A replica in another zone takes over automatically when
  # the primary or its zone fails (the primary endpoint follows it).
  num_cache_clusters          = local.node_count
  preferred_cache_cluster_azs = var.availability_zones
  automatic_failover_enabled  = true
  multi_az_enabled            = true

  subnet_group_name  = aws_elasticache_subnet_group.this.name
  security_group_ids = [aws_security_group.this.id]

  at_rest_encryption_enabled = true
  kms_key_id                 = var.kms_key_arn
  transit_encryption_enabled = true
  transit_encryption_mode    = "required"

  # From the Secrets Manager secret (secret.tf). ROTATE keeps the old token valid next to the new one until the
  # next change, so the application nodes can pick the new one up without failing.
  auth_token                 = data.aws_secretsmanager_secret_version.auth_token.secret_string
  auth_token_update_strategy = "ROTATE"

  snapshot_retention_limit  = var.snapshot_retention_limit
  snapshot_window           = var.snapshot_window
  maintenance_window        = var.maintenance_window
  final_snapshot_identifier = "${var.identifier}-final"

  auto_minor_version_upgrade = true
  apply_immediately          = var.apply_immediately
  notification_topic_arn     = var.alarm_sns_topic_arn

  log_delivery_configuration {
    destination      = aws_cloudwatch_log_group.slow_log.name
    destination_type = "cloudwatch-logs"
    log_format       = "json"
    log_type         = "slow-log"
  }

  tags = local.tags
}
