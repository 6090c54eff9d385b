# One parameter group for the primary and its replicas (a hot standby needs settings such as max_connections to
# be at least the primary's, so sharing the group keeps them equal).
#
# apply_method: dynamic parameters take "immediate"; static ones (postmaster context) must say "pending-reboot",
# otherwise RDS rejects the change ("cannot use immediate apply method for static parameter"). A pending-reboot
# value only takes effect after the instance reboots, and Terraform never reboots it, not even with
# apply_immediately = true (hashicorp/terraform-provider-aws#40089). After changing a static parameter, reboot the
# primary and each replica (README, "Changing static parameters"). At creation every value applies at first boot.
#
# statement_timeout is deliberately absent: the application sets it per connection pool
# (options=-c statement_timeout=...), so migrations and administrative sessions are not cut short.

resource "aws_db_parameter_group" "this" {
  name_prefix = "${var.identifier}-pg${local.engine_major}-"
  family      = "postgres${local.engine_major}"
  description = "PostgreSQL ${local.engine_major} settings of RDS ${var.identifier}"
  tags        = local.tags

  # --- static: pending-reboot -----------------------------------------------------------------------------------

  parameter {
    name         = "shared_preload_libraries"
    value        = "pg_stat_statements"
    apply_method = "pending-reboot"
  }

  parameter {
    name         = "pg_stat_statements.max"
    value        = "10000"
    apply_method = "pending-reboot"
  }

  parameter {
    # Sized from the application's pools in connections.tf.
    name         = "max_connections"
    value        = tostring(local.max_connections)
    apply_method = "pending-reboot"
  }

  parameter {
    name         = "autovacuum_max_workers"
    value        = "5"
    apply_method = "pending-reboot"
  }

  # --- dynamic: immediate ---------------------------------------------------------------------------------------

  parameter {
    # Log every statement slower than 100 ms.
    name         = "log_min_duration_statement"
    value        = "100"
    apply_method = "immediate"
  }

  parameter {
    # Bind parameters stay out of the statement log (slow-query lines, errors): they carry user data such as
    # e-mail addresses and password hashes. 0 logs none; log_parameter_max_length_on_error already defaults to 0.
    name         = "log_parameter_max_length"
    value        = "0"
    apply_method = "immediate"
  }

  parameter {
    name         = "pg_stat_statements.track"
    value        = "top"
    apply_method = "immediate"
  }

  parameter {
    name         = "track_io_timing"
    value        = "1"
    apply_method = "immediate"
  }

  parameter {
    name         = "log_lock_waits"
    value        = "1"
    apply_method = "immediate"
  }

  parameter {
    name         = "log_temp_files"
    value        = "10240"
    apply_method = "immediate"
  }

  parameter {
    # Vacuum after 5% of a table changed instead of 20%: smaller, more frequent passes on the busy tables.
    name         = "autovacuum_vacuum_scale_factor"
    value        = "0.05"
    apply_method = "immediate"
  }

  parameter {
    name         = "autovacuum_vacuum_insert_scale_factor"
    value        = "0.05"
    apply_method = "immediate"
  }

  parameter {
    name         = "autovacuum_analyze_scale_factor"
    value        = "0.02"
    apply_method = "immediate"
  }

  parameter {
    # gp3's 3000 baseline IOPS afford a higher vacuum budget than the default of 200.
    name         = "autovacuum_vacuum_cost_limit"
    value        = "2000"
    apply_method = "immediate"
  }

  parameter {
    name         = "autovacuum_naptime"
    value        = "30"
    apply_method = "immediate"
  }

  parameter {
    # Milliseconds: log autovacuum runs longer than 1 s.
    name         = "log_autovacuum_min_duration"
    value        = "1000"
    apply_method = "immediate"
  }

  parameter {
    # Replicas tell the primary which rows their queries still need, so long reads are not cancelled by
    # conflicting cleanup (at the price of some bloat on the primary while they run).
    name         = "hot_standby_feedback"
    value        = "1"
    apply_method = "immediate"
  }

  parameter {
    # TLS only. pgjdbc's default sslmode=prefer negotiates it; use verify-full with the RDS CA bundle to verify.
    name         = "rds.force_ssl"
    value        = "1"
    apply_method = "immediate"
  }

  lifecycle {
    # A new family (major upgrade) creates the new group before the old one is released.
    create_before_destroy = true
  }
}
