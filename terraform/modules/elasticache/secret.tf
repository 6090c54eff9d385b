# The auth token lives in Secrets Manager, encrypted with the KMS key. Secrets Manager generates it (an ephemeral
# resource: the value is never stored by Terraform on its way in) and the write-only secret_string_wo sends it;
# a new auth_token_version generates and writes a new one.
#
# The replication group's auth_token argument, however, is not write-only in the AWS provider 5.100, so the token
# is read back from the secret and is kept (marked sensitive) in the state of the replication group and of the
# data source: keep the state remote and encrypted (README, "Auth token").

ephemeral "aws_secretsmanager_random_password" "auth_token" {
  # ElastiCache accepts 16-128 printable characters without @, " or /; letters and digits need no escaping in
  # the userinfo of a rediss:// URL either.
  password_length     = 64
  exclude_punctuation = true
  include_space       = false
}

resource "aws_secretsmanager_secret" "auth_token" {
  name_prefix             = "${var.identifier}-auth-token-"
  description             = "Auth token of ElastiCache ${var.identifier} (the password of VALKEY_URL)"
  kms_key_id              = var.kms_key_arn
  recovery_window_in_days = var.secret_recovery_window_in_days
  tags                    = local.tags
}

resource "aws_secretsmanager_secret_version" "auth_token" {
  secret_id                = aws_secretsmanager_secret.auth_token.id
  secret_string_wo         = ephemeral.aws_secretsmanager_random_password.auth_token.random_password
  secret_string_wo_version = var.auth_token_version
}

data "aws_secretsmanager_secret_version" "auth_token" {
  secret_id  = aws_secretsmanager_secret.auth_token.id
  version_id = aws_secretsmanager_secret_version.auth_token.version_id
}
