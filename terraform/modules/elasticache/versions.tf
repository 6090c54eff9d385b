terraform {
  # 1.11 for write-only arguments (the auth token's secret version) and ephemeral resources.
  required_version = ">= 1.11.0"

  required_providers {
    aws = {
      source = "hashicorp/aws"
      # 5.100 has engine = "valkey", secret_string_wo and the ephemeral aws_secretsmanager_random_password.
      version = ">= 5.100.0, < 6.0.0"
    }
  }
}
