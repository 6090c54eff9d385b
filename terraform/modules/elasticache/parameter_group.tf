# Family valkey<major> or redis<major>, from the engine and its version; a new family (major upgrade) creates
# the new group before the old one is released. All parameters here are dynamic in ElastiCache.

resource "aws_elasticache_parameter_group" "this" {
  name        = "${var.identifier}-${var.engine}${local.engine_major}"
  family      = "${var.engine}${local.engine_major}"
  description = "${var.engine} ${local.engine_major} settings of ElastiCache ${var.identifier}"
  tags        = local.tags

  parameter {
    # A full cache evicts instead of refusing writes (see var.maxmemory_policy).
    name  = "maxmemory-policy"
    value = var.maxmemory_policy
  }

  parameter {
    # Memory kept for replication buffers, snapshots and failover (the default, made explicit).
    name  = "reserved-memory-percent"
    value = "25"
  }

  parameter {
    # Detect dead client connections (seconds between TCP keepalives).
    name  = "tcp-keepalive"
    value = "300"
  }

  lifecycle {
    create_before_destroy = true
  }
}
