# Credentials secret when the password comes from the sensitive variable. It has the same JSON shape as the
# secret RDS manages ({"username": ..., "password": ...}), so the application reads DB_USER/DB_PASSWORD the same
# way in both modes (output master_user_secret_arn).

resource "aws_secretsmanager_secret" "master" {
  count = var.manage_master_user_password ? 0 : 1

  name_prefix             = "${var.identifier}-master-"
  description             = "Master credentials of RDS ${var.identifier}"
  kms_key_id              = local.kms_key_arn
  recovery_window_in_days = var.secret_recovery_window_in_days
  tags                    = local.tags
}

resource "aws_secretsmanager_secret_version" "master" {
  count = var.manage_master_user_password ? 0 : 1

  secret_id = aws_secretsmanager_secret.master[0].id
  secret_string = jsonencode({
    username = var.master_username
    password = var.master_password
  })
}
