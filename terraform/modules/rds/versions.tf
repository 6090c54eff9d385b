terraform {
  # 1.9 for validation rules that read other variables (credentials mode vs replica count, KMS key, topic).
  required_version = ">= 1.9.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.40.0, < 7.0.0"
    }
  }
}
