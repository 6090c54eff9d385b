# Only PostgreSQL, only from the given security groups or CIDR blocks. No egress rule: the instances open no
# outbound connections (Terraform removes the default allow-all egress rule of a new group).

resource "aws_security_group" "this" {
  name_prefix = "${var.identifier}-rds-"
  description = "PostgreSQL access to RDS ${var.identifier}"
  vpc_id      = var.vpc_id
  tags        = merge(local.tags, { Name = "${var.identifier}-rds" })

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_vpc_security_group_ingress_rule" "from_security_groups" {
  count = length(var.allowed_security_group_ids)

  security_group_id            = aws_security_group.this.id
  description                  = "PostgreSQL from an application security group"
  ip_protocol                  = "tcp"
  from_port                    = var.port
  to_port                      = var.port
  referenced_security_group_id = var.allowed_security_group_ids[count.index]
  tags                         = local.tags
}

resource "aws_vpc_security_group_ingress_rule" "from_cidr_blocks" {
  count = length(var.allowed_cidr_blocks)

  security_group_id = aws_security_group.this.id
  description       = "PostgreSQL from an allowed CIDR block"
  ip_protocol       = "tcp"
  from_port         = var.port
  to_port           = var.port
  cidr_ipv4         = var.allowed_cidr_blocks[count.index]
  tags              = local.tags
}
