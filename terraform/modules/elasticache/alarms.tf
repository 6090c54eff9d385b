# CloudWatch alarms, each kind on every node (count = local.node_count, indexed like the nodes <identifier>-001,
# -002...), so that adding a zone adds its alarms. Primary and replicas swap roles on failover, so every node
# carries every alarm. All notify var.alarm_sns_topic_arn on ALARM and on OK.

locals {
  # Node ids of a cluster-mode-disabled replication group, in the order of availability_zones.
  node_ids = [for n in range(local.node_count) : format("%s-%03d", aws_elasticache_replication_group.this.id, n + 1)]
}

resource "aws_cloudwatch_metric_alarm" "cpu" {
  count = local.node_count

  alarm_name          = "${local.node_ids[count.index]}-cpu-high"
  alarm_description   = "Engine CPU of ${local.node_ids[count.index]} above ${var.cpu_utilization_threshold}%"
  namespace           = "AWS/ElastiCache"
  metric_name         = "EngineCPUUtilization"
  statistic           = "Average"
  period              = 300
  evaluation_periods  = 3
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.cpu_utilization_threshold
  treat_missing_data  = "missing"
  alarm_actions       = [var.alarm_sns_topic_arn]
  ok_actions          = [var.alarm_sns_topic_arn]
  dimensions = {
    CacheClusterId = local.node_ids[count.index]
  }
  tags = local.tags
}

resource "aws_cloudwatch_metric_alarm" "memory" {
  count = local.node_count

  alarm_name          = "${local.node_ids[count.index]}-memory-high"
  alarm_description   = "Memory of ${local.node_ids[count.index]} above ${var.memory_usage_threshold}% of maxmemory"
  namespace           = "AWS/ElastiCache"
  metric_name         = "DatabaseMemoryUsagePercentage"
  statistic           = "Average"
  period              = 300
  evaluation_periods  = 3
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.memory_usage_threshold
  treat_missing_data  = "missing"
  alarm_actions       = [var.alarm_sns_topic_arn]
  ok_actions          = [var.alarm_sns_topic_arn]
  dimensions = {
    CacheClusterId = local.node_ids[count.index]
  }
  tags = local.tags
}

# No evictions reported means none happened.
resource "aws_cloudwatch_metric_alarm" "evictions" {
  count = local.node_count

  alarm_name          = "${local.node_ids[count.index]}-evictions-high"
  alarm_description   = "${local.node_ids[count.index]} evicted more than ${var.evictions_threshold} keys in 5 minutes"
  namespace           = "AWS/ElastiCache"
  metric_name         = "Evictions"
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.evictions_threshold
  treat_missing_data  = "notBreaching"
  alarm_actions       = [var.alarm_sns_topic_arn]
  ok_actions          = [var.alarm_sns_topic_arn]
  dimensions = {
    CacheClusterId = local.node_ids[count.index]
  }
  tags = local.tags
}

# ReplicationLag is published by replicas only: silence is the primary's normal state, not a breach.
resource "aws_cloudwatch_metric_alarm" "replication_lag" {
  count = local.node_count

  alarm_name          = "${local.node_ids[count.index]}-replication-lag-high"
  alarm_description   = "${local.node_ids[count.index]} more than ${var.replication_lag_threshold_seconds} s behind the primary"
  namespace           = "AWS/ElastiCache"
  metric_name         = "ReplicationLag"
  statistic           = "Maximum"
  period              = 60
  evaluation_periods  = 3
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.replication_lag_threshold_seconds
  treat_missing_data  = "notBreaching"
  alarm_actions       = [var.alarm_sns_topic_arn]
  ok_actions          = [var.alarm_sns_topic_arn]
  dimensions = {
    CacheClusterId = local.node_ids[count.index]
  }
  tags = local.tags
}

resource "aws_cloudwatch_metric_alarm" "connections" {
  count = local.node_count

  alarm_name          = "${local.node_ids[count.index]}-connections-high"
  alarm_description   = "Connections to ${local.node_ids[count.index]} above ${var.connections_threshold}"
  namespace           = "AWS/ElastiCache"
  metric_name         = "CurrConnections"
  statistic           = "Maximum"
  period              = 60
  evaluation_periods  = 5
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.connections_threshold
  treat_missing_data  = "missing"
  alarm_actions       = [var.alarm_sns_topic_arn]
  ok_actions          = [var.alarm_sns_topic_arn]
  dimensions = {
    CacheClusterId = local.node_ids[count.index]
  }
  tags = local.tags
}
