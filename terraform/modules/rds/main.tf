# RDS for PostgreSQL: a Multi-AZ primary and up to two read replicas of it.

data "aws_partition" "current" {}

data "aws_caller_identity" "current" {}

data "aws_region" "current" {}

locals {
  engine_major = split(".", var.engine_version)[0]

  kms_key_arn         = var.create_kms_key ? one(aws_kms_key.rds[*].arn) : var.kms_key_arn
  monitoring_role_arn = var.create_monitoring_role ? one(aws_iam_role.enhanced_monitoring[*].arn) : var.monitoring_role_arn

  log_exports         = ["postgresql", "upgrade"]
  replica_identifiers = [for n in range(var.replica_count) : "${var.identifier}-replica-${n + 1}"]

  tags = merge(var.tags, { "muejam:component" = "database", "muejam:db-cluster" = var.identifier })
}

# ---------------------------------------------------------------------------------------------------------------
# Encryption key: storage, Performance Insights, the credentials secret, the log groups and the alarm topic
# ---------------------------------------------------------------------------------------------------------------

# RDS, Secrets Manager (and ElastiCache, when the root module passes the key on) use the key on behalf of the
# account's principals through grants, which the first statement permits. CloudWatch Logs and CloudWatch alarms
# act as services of their own and need statements naming them: logs.<region>.amazonaws.com encrypts the log
# groups, cloudwatch.amazonaws.com encrypts the messages it publishes to the KMS-encrypted topic, and
# sns.amazonaws.com reads them back for delivery.
data "aws_iam_policy_document" "kms" {
  statement {
    sid       = "AccountAdministersTheKeyAndGrantsItThroughIam"
    actions   = ["kms:*"]
    resources = ["*"]

    principals {
      type        = "AWS"
      identifiers = ["arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}:root"]
    }
  }

  statement {
    sid       = "CloudWatchLogsEncryptsTheLogGroups"
    actions   = ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"]
    resources = ["*"]

    principals {
      type        = "Service"
      identifiers = ["logs.${data.aws_region.current.name}.amazonaws.com"]
    }

    condition {
      test     = "ArnLike"
      variable = "kms:EncryptionContext:aws:logs:arn"
      values   = ["arn:${data.aws_partition.current.partition}:logs:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}:log-group:*"]
    }
  }

  statement {
    sid       = "CloudWatchAlarmsAndSnsUseTheEncryptedTopic"
    actions   = ["kms:Decrypt", "kms:GenerateDataKey*"]
    resources = ["*"]

    # No aws:SourceAccount condition: AWS's policy for alarm notifications to an encrypted topic has none, and a
    # condition the service does not send would silently drop every alarm notification.
    principals {
      type        = "Service"
      identifiers = ["cloudwatch.amazonaws.com", "sns.amazonaws.com"]
    }
  }
}

resource "aws_kms_key" "rds" {
  count = var.create_kms_key ? 1 : 0

  description             = "RDS ${var.identifier}: storage, Performance Insights, credentials secret, logs, alarm topic"
  enable_key_rotation     = true
  deletion_window_in_days = 30
  policy                  = data.aws_iam_policy_document.kms.json
  tags                    = local.tags
}

resource "aws_kms_alias" "rds" {
  count = var.create_kms_key ? 1 : 0

  name          = "alias/${var.identifier}-rds"
  target_key_id = aws_kms_key.rds[0].key_id
}

# ---------------------------------------------------------------------------------------------------------------
# Network placement
# ---------------------------------------------------------------------------------------------------------------

resource "aws_db_subnet_group" "this" {
  name        = var.identifier
  description = "Private subnets of RDS ${var.identifier}"
  subnet_ids  = var.subnet_ids
  tags        = local.tags
}

# ---------------------------------------------------------------------------------------------------------------
# Log groups created before the instances, so that retention applies (RDS would create them without expiry)
# ---------------------------------------------------------------------------------------------------------------

resource "aws_cloudwatch_log_group" "primary" {
  for_each = toset(local.log_exports)

  name              = "/aws/rds/instance/${var.identifier}/${each.value}"
  retention_in_days = var.log_retention_in_days
  kms_key_id        = local.kms_key_arn
  tags              = local.tags
}

resource "aws_cloudwatch_log_group" "replica_postgresql" {
  count = var.replica_count

  name              = "/aws/rds/instance/${local.replica_identifiers[count.index]}/postgresql"
  retention_in_days = var.log_retention_in_days
  kms_key_id        = local.kms_key_arn
  tags              = local.tags
}

resource "aws_cloudwatch_log_group" "replica_upgrade" {
  count = var.replica_count

  name              = "/aws/rds/instance/${local.replica_identifiers[count.index]}/upgrade"
  retention_in_days = var.log_retention_in_days
  kms_key_id        = local.kms_key_arn
  tags              = local.tags
}

# ---------------------------------------------------------------------------------------------------------------
# Primary
# ---------------------------------------------------------------------------------------------------------------

resource "aws_db_instance" "primary" {
  identifier     = var.identifier
  engine         = "postgres"
  engine_version = var.engine_version
  instance_class = var.instance_class
  multi_az       = true

  db_name  = var.db_name
  port     = var.port
  username = var.master_username
  # Either RDS manages the password in Secrets Manager, or the ephemeral variable sets it through the write-only
  # password_wo (see secret.tf): Terraform sends it to RDS and keeps it out of the plan and the state. RDS receives
  # it again only when master_password_version changes.
  manage_master_user_password   = var.manage_master_user_password ? true : null
  master_user_secret_kms_key_id = var.manage_master_user_password ? local.kms_key_arn : null
  password_wo                   = var.manage_master_user_password ? null : var.master_password
  password_wo_version           = var.manage_master_user_password ? null : var.master_password_version

  storage_type          = "gp3"
  allocated_storage     = var.allocated_storage
  max_allocated_storage = var.max_allocated_storage
  storage_encrypted     = true
  kms_key_id            = local.kms_key_arn

  db_subnet_group_name   = aws_db_subnet_group.this.name
  vpc_security_group_ids = [aws_security_group.this.id]
  publicly_accessible    = false
  parameter_group_name   = aws_db_parameter_group.this.name
  ca_cert_identifier     = var.ca_cert_identifier

  backup_retention_period   = var.backup_retention_period
  backup_window             = var.backup_window
  maintenance_window        = var.maintenance_window
  copy_tags_to_snapshot     = true
  delete_automated_backups  = false
  deletion_protection       = var.deletion_protection
  skip_final_snapshot       = var.skip_final_snapshot
  final_snapshot_identifier = "${var.identifier}-final"

  iam_database_authentication_enabled = true
  enabled_cloudwatch_logs_exports     = local.log_exports

  performance_insights_enabled          = true
  performance_insights_kms_key_id       = local.kms_key_arn
  performance_insights_retention_period = var.performance_insights_retention_period
  monitoring_interval                   = 60
  monitoring_role_arn                   = local.monitoring_role_arn

  auto_minor_version_upgrade  = var.auto_minor_version_upgrade
  allow_major_version_upgrade = var.allow_major_version_upgrade
  apply_immediately           = var.apply_immediately

  tags = merge(local.tags, { "muejam:db-role" = "primary" })

  depends_on = [
    aws_cloudwatch_log_group.primary,
    aws_iam_role_policy_attachment.enhanced_monitoring,
  ]
}

# ---------------------------------------------------------------------------------------------------------------
# Read replicas
# ---------------------------------------------------------------------------------------------------------------

resource "aws_db_instance" "replica" {
  count = var.replica_count

  identifier          = local.replica_identifiers[count.index]
  replicate_source_db = aws_db_instance.primary.identifier
  instance_class      = var.replica_instance_class
  multi_az            = false
  availability_zone   = try(var.replica_availability_zones[count.index], null)
  port                = var.port

  # No username, password, manage_master_user_password or db_name here: a physical replica inherits them from
  # its source, and setting them makes RDS refuse the create or the next modify
  # (terraform-aws-modules/terraform-aws-rds#512, #526). The subnet group is inherited from the source too.

  storage_type          = "gp3"
  max_allocated_storage = var.max_allocated_storage
  storage_encrypted     = true
  kms_key_id            = local.kms_key_arn

  vpc_security_group_ids = [aws_security_group.this.id]
  publicly_accessible    = false
  parameter_group_name   = aws_db_parameter_group.this.name
  ca_cert_identifier     = var.ca_cert_identifier

  # A replica is rebuilt from the primary: no backups, no final snapshot (RDS refuses one for a replica).
  backup_retention_period = 0
  skip_final_snapshot     = true
  maintenance_window      = var.maintenance_window
  copy_tags_to_snapshot   = true
  deletion_protection     = var.replica_deletion_protection

  iam_database_authentication_enabled = true
  enabled_cloudwatch_logs_exports     = local.log_exports

  performance_insights_enabled          = true
  performance_insights_kms_key_id       = local.kms_key_arn
  performance_insights_retention_period = var.performance_insights_retention_period
  monitoring_interval                   = 60
  monitoring_role_arn                   = local.monitoring_role_arn

  auto_minor_version_upgrade = var.auto_minor_version_upgrade
  apply_immediately          = var.apply_immediately

  tags = merge(local.tags, { "muejam:db-role" = "replica", "muejam:replica-index" = tostring(count.index + 1) })

  depends_on = [
    aws_cloudwatch_log_group.replica_postgresql,
    aws_cloudwatch_log_group.replica_upgrade,
  ]
}
