# MueJam data tier on AWS: the RDS PostgreSQL primary, its read replicas, monitoring and alarms, and the
# ElastiCache (Valkey) L2 cache. Outputs map to the application's environment variables (modules/rds/README.md and
# modules/elasticache/README.md, "Application environment").

provider "aws" {
  region = var.aws_region

  default_tags {
    tags = var.tags
  }
}

module "rds" {
  source = "./modules/rds"

  identifier             = var.identifier
  engine_version         = var.engine_version
  instance_class         = var.instance_class
  replica_instance_class = var.replica_instance_class
  replica_count          = var.replica_count

  db_name                     = var.db_name
  master_username             = var.master_username
  manage_master_user_password = var.manage_master_user_password
  master_password             = var.master_password
  master_password_version     = var.master_password_version

  allocated_storage     = var.allocated_storage
  max_allocated_storage = var.max_allocated_storage

  vpc_id                     = var.vpc_id
  subnet_ids                 = var.subnet_ids
  allowed_security_group_ids = var.allowed_security_group_ids
  allowed_cidr_blocks        = var.allowed_cidr_blocks

  app_node_count    = var.app_node_count
  app_pool_max_size = var.app_pool_max_size

  deletion_protection = var.deletion_protection
  skip_final_snapshot = var.skip_final_snapshot
  apply_immediately   = var.apply_immediately

  performance_insights_retention_period = var.performance_insights_retention_period
  alarm_email_addresses                 = var.alarm_email_addresses

  tags = var.tags
}

# The cache shares the database's KMS key (its policy admits CloudWatch Logs) and alarm topic, the private subnets
# and the application's security groups (the only sources it admits).
module "elasticache" {
  source = "./modules/elasticache"

  identifier         = "${var.identifier}-cache"
  engine             = var.cache_engine
  engine_version     = var.cache_engine_version
  node_type          = var.cache_node_type
  availability_zones = var.cache_availability_zones
  auth_token_version = var.cache_auth_token_version

  vpc_id                     = var.vpc_id
  subnet_ids                 = var.subnet_ids
  allowed_security_group_ids = var.allowed_security_group_ids

  kms_key_arn         = module.rds.kms_key_arn
  alarm_sns_topic_arn = module.rds.alarm_sns_topic_arn
  apply_immediately   = var.apply_immediately

  tags = var.tags
}
