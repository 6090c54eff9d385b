# Credentials secret when the password comes from the ephemeral variable. It has the same JSON shape as the
# secret RDS manages ({"username": ..., "password": ...}), so the application reads DB_USER/DB_PASSWORD the same
# way in both modes (output master_user_secret_arn). secret_string_wo is write-only: the password reaches Secrets
# Manager but neither the plan nor the state; a new master_password_version writes a new secret version, in the
# same apply that sends the new password to RDS.

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
  secret_string_wo = jsonencode({
    username = var.master_username
    password = var.master_password
  })
  secret_string_wo_version = var.master_password_version
}
