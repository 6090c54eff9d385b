# Only the application's security groups, only the cache port. No CIDR rule, no egress rule: the nodes open no
# outbound connections (Terraform removes the default allow-all egress rule of a new group).

resource "aws_security_group" "this" {
  name_prefix = "${var.identifier}-cache-"
  description = "Valkey access to ElastiCache ${var.identifier}"
  vpc_id      = var.vpc_id
  tags        = merge(local.tags, { Name = "${var.identifier}-cache" })

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_vpc_security_group_ingress_rule" "from_application" {
  count = length(var.allowed_security_group_ids)

  security_group_id            = aws_security_group.this.id
  description                  = "Valkey from an application security group"
  ip_protocol                  = "tcp"
  from_port                    = var.port
  to_port                      = var.port
  referenced_security_group_id = var.allowed_security_group_ids[count.index]
  tags                         = local.tags
}
