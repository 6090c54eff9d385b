terraform {
  required_version = ">= 1.9.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.40.0, < 7.0.0"
    }
  }

  # Keep the state remote and encrypted: it holds the master password in password mode. For example:
  # backend "s3" {
  #   bucket       = "muejam-terraform-state"
  #   key          = "rds/terraform.tfstate"
  #   region       = "eu-west-1"
  #   encrypt      = true
  #   use_lockfile = true
  # }
}
