terraform {
  # 1.9 for validation rules that read other variables (credentials mode vs replica count, KMS key, topic);
  # 1.11 for write-only arguments and ephemeral variables (the master password stays out of plan and state).
  required_version = ">= 1.11.0"

  required_providers {
    aws = {
      source = "hashicorp/aws"
      # 5.100 has password_wo (aws_db_instance) and secret_string_wo (aws_secretsmanager_secret_version).
      version = ">= 5.100.0, < 6.0.0"
    }
  }
}
