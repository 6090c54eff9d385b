# Enhanced monitoring (OS metrics every 60 s) publishes through this role.

data "aws_iam_policy_document" "enhanced_monitoring_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["monitoring.rds.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [data.aws_caller_identity.current.account_id]
    }
  }
}

resource "aws_iam_role" "enhanced_monitoring" {
  count = var.create_monitoring_role ? 1 : 0

  # IAM name prefixes are limited to 38 characters.
  name_prefix        = "${substr(var.identifier, 0, 20)}-rds-mon-"
  description        = "RDS enhanced monitoring of ${var.identifier}"
  assume_role_policy = data.aws_iam_policy_document.enhanced_monitoring_assume.json
  tags               = local.tags
}

resource "aws_iam_role_policy_attachment" "enhanced_monitoring" {
  count = var.create_monitoring_role ? 1 : 0

  role       = aws_iam_role.enhanced_monitoring[0].name
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole"
}
