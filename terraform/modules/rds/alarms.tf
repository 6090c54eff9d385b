# CloudWatch alarms, each kind on every instance: one resource for the primary and one with
# count = var.replica_count for the replicas (indexed like aws_db_instance.replica), so that adding a replica
# adds its alarms. All notify the same SNS topic on ALARM and on OK.

resource "aws_sns_topic" "alarms" {
  count = var.create_sns_topic ? 1 : 0

  name              = "${var.identifier}-rds-alarms"
  kms_master_key_id = coalesce(var.sns_kms_master_key_id, local.kms_key_arn)
  tags              = local.tags
}

locals {
  alarm_topic_arn = var.create_sns_topic ? one(aws_sns_topic.alarms[*].arn) : var.alarm_sns_topic_arn
}

resource "aws_sns_topic_subscription" "email" {
  count = length(var.alarm_email_addresses)

  topic_arn = local.alarm_topic_arn
  protocol  = "email"
  endpoint  = var.alarm_email_addresses[count.index]
}

# --- CPUUtilization > 80% for 15 minutes -------------------------------------------------------------------------

resource "aws_cloudwatch_metric_alarm" "primary_cpu" {
  alarm_name          = "${aws_db_instance.primary.identifier}-cpu-high"
  alarm_description   = "CPU of the primary ${aws_db_instance.primary.identifier} above ${var.cpu_utilization_threshold}%"
  namespace           = "AWS/RDS"
  metric_name         = "CPUUtilization"
  statistic           = "Average"
  period              = 300
  evaluation_periods  = 3
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.cpu_utilization_threshold
  treat_missing_data  = "missing"
  alarm_actions       = [local.alarm_topic_arn]
  ok_actions          = [local.alarm_topic_arn]
  dimensions = {
    DBInstanceIdentifier = aws_db_instance.primary.identifier
  }
  tags = local.tags
}

resource "aws_cloudwatch_metric_alarm" "replica_cpu" {
  count = var.replica_count

  alarm_name          = "${aws_db_instance.replica[count.index].identifier}-cpu-high"
  alarm_description   = "CPU of replica ${aws_db_instance.replica[count.index].identifier} above ${var.cpu_utilization_threshold}%"
  namespace           = "AWS/RDS"
  metric_name         = "CPUUtilization"
  statistic           = "Average"
  period              = 300
  evaluation_periods  = 3
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.cpu_utilization_threshold
  treat_missing_data  = "missing"
  alarm_actions       = [local.alarm_topic_arn]
  ok_actions          = [local.alarm_topic_arn]
  dimensions = {
    DBInstanceIdentifier = aws_db_instance.replica[count.index].identifier
  }
  tags = local.tags
}

# --- DatabaseConnections > 80% of max_connections for 5 minutes ---------------------------------------------------

resource "aws_cloudwatch_metric_alarm" "primary_connections" {
  alarm_name          = "${aws_db_instance.primary.identifier}-connections-high"
  alarm_description   = "Connections to the primary ${aws_db_instance.primary.identifier} above ${local.connections_alarm_threshold} of ${local.max_connections}"
  namespace           = "AWS/RDS"
  metric_name         = "DatabaseConnections"
  statistic           = "Maximum"
  period              = 60
  evaluation_periods  = 5
  comparison_operator = "GreaterThanThreshold"
  threshold           = local.connections_alarm_threshold
  treat_missing_data  = "missing"
  alarm_actions       = [local.alarm_topic_arn]
  ok_actions          = [local.alarm_topic_arn]
  dimensions = {
    DBInstanceIdentifier = aws_db_instance.primary.identifier
  }
  tags = local.tags
}

resource "aws_cloudwatch_metric_alarm" "replica_connections" {
  count = var.replica_count

  alarm_name          = "${aws_db_instance.replica[count.index].identifier}-connections-high"
  alarm_description   = "Connections to replica ${aws_db_instance.replica[count.index].identifier} above ${local.connections_alarm_threshold} of ${local.max_connections}"
  namespace           = "AWS/RDS"
  metric_name         = "DatabaseConnections"
  statistic           = "Maximum"
  period              = 60
  evaluation_periods  = 5
  comparison_operator = "GreaterThanThreshold"
  threshold           = local.connections_alarm_threshold
  treat_missing_data  = "missing"
  alarm_actions       = [local.alarm_topic_arn]
  ok_actions          = [local.alarm_topic_arn]
  dimensions = {
    DBInstanceIdentifier = aws_db_instance.replica[count.index].identifier
  }
  tags = local.tags
}

# --- ReplicaLag > 1 s for 3 minutes, every replica ---------------------------------------------------------------

resource "aws_cloudwatch_metric_alarm" "replica_lag" {
  count = var.replica_count

  alarm_name          = "${aws_db_instance.replica[count.index].identifier}-replica-lag-high"
  alarm_description   = "Replica ${aws_db_instance.replica[count.index].identifier} more than ${var.replica_lag_threshold_seconds} s behind the primary"
  namespace           = "AWS/RDS"
  metric_name         = "ReplicaLag"
  statistic           = "Maximum"
  period              = 60
  evaluation_periods  = 3
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.replica_lag_threshold_seconds
  # A replica that stops reporting lag is not replicating: treat silence as a breach.
  treat_missing_data = "breaching"
  alarm_actions      = [local.alarm_topic_arn]
  ok_actions         = [local.alarm_topic_arn]
  dimensions = {
    DBInstanceIdentifier = aws_db_instance.replica[count.index].identifier
  }
  tags = local.tags
}

# --- FreeStorageSpace low ----------------------------------------------------------------------------------------

resource "aws_cloudwatch_metric_alarm" "primary_free_storage" {
  alarm_name          = "${aws_db_instance.primary.identifier}-free-storage-low"
  alarm_description   = "Free storage of the primary ${aws_db_instance.primary.identifier} below ${var.free_storage_space_threshold_bytes} bytes"
  namespace           = "AWS/RDS"
  metric_name         = "FreeStorageSpace"
  statistic           = "Minimum"
  period              = 300
  evaluation_periods  = 1
  comparison_operator = "LessThanThreshold"
  threshold           = var.free_storage_space_threshold_bytes
  treat_missing_data  = "missing"
  alarm_actions       = [local.alarm_topic_arn]
  ok_actions          = [local.alarm_topic_arn]
  dimensions = {
    DBInstanceIdentifier = aws_db_instance.primary.identifier
  }
  tags = local.tags
}

resource "aws_cloudwatch_metric_alarm" "replica_free_storage" {
  count = var.replica_count

  alarm_name          = "${aws_db_instance.replica[count.index].identifier}-free-storage-low"
  alarm_description   = "Free storage of replica ${aws_db_instance.replica[count.index].identifier} below ${var.free_storage_space_threshold_bytes} bytes"
  namespace           = "AWS/RDS"
  metric_name         = "FreeStorageSpace"
  statistic           = "Minimum"
  period              = 300
  evaluation_periods  = 1
  comparison_operator = "LessThanThreshold"
  threshold           = var.free_storage_space_threshold_bytes
  treat_missing_data  = "missing"
  alarm_actions       = [local.alarm_topic_arn]
  ok_actions          = [local.alarm_topic_arn]
  dimensions = {
    DBInstanceIdentifier = aws_db_instance.replica[count.index].identifier
  }
  tags = local.tags
}

# --- FreeableMemory low for 15 minutes ---------------------------------------------------------------------------

resource "aws_cloudwatch_metric_alarm" "primary_freeable_memory" {
  alarm_name          = "${aws_db_instance.primary.identifier}-freeable-memory-low"
  alarm_description   = "Freeable memory of the primary ${aws_db_instance.primary.identifier} below ${var.freeable_memory_threshold_bytes} bytes"
  namespace           = "AWS/RDS"
  metric_name         = "FreeableMemory"
  statistic           = "Average"
  period              = 300
  evaluation_periods  = 3
  comparison_operator = "LessThanThreshold"
  threshold           = var.freeable_memory_threshold_bytes
  treat_missing_data  = "missing"
  alarm_actions       = [local.alarm_topic_arn]
  ok_actions          = [local.alarm_topic_arn]
  dimensions = {
    DBInstanceIdentifier = aws_db_instance.primary.identifier
  }
  tags = local.tags
}

resource "aws_cloudwatch_metric_alarm" "replica_freeable_memory" {
  count = var.replica_count

  alarm_name          = "${aws_db_instance.replica[count.index].identifier}-freeable-memory-low"
  alarm_description   = "Freeable memory of replica ${aws_db_instance.replica[count.index].identifier} below ${var.freeable_memory_threshold_bytes} bytes"
  namespace           = "AWS/RDS"
  metric_name         = "FreeableMemory"
  statistic           = "Average"
  period              = 300
  evaluation_periods  = 3
  comparison_operator = "LessThanThreshold"
  threshold           = var.freeable_memory_threshold_bytes
  treat_missing_data  = "missing"
  alarm_actions       = [local.alarm_topic_arn]
  ok_actions          = [local.alarm_topic_arn]
  dimensions = {
    DBInstanceIdentifier = aws_db_instance.replica[count.index].identifier
  }
  tags = local.tags
}
