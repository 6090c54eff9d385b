# Connection budget. Kept in a file of its own that reads only variables, so its arithmetic can be evaluated
# with `terraform console` without any provider (the module's tests do that).
locals {
  # Every application node opens up to app_pools_per_node pools of app_pool_max_size on one instance (the read
  # pool goes to the primary when there is no replica), plus room for administration. Replicas share the
  # parameter group: a hot standby needs max_connections >= the primary's.
  max_connections = var.app_node_count * var.app_pools_per_node * var.app_pool_max_size + var.reserved_connections

  # DatabaseConnections alarms above this many connections (80% of max_connections by default).
  connections_alarm_threshold = floor(local.max_connections * var.connections_alarm_ratio)
}
