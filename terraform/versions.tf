terraform {
  required_version = ">= 1.11.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.100.0, < 6.0.0"
    }
  }

  # Keep the state remote and encrypted. The master password is not in it (write-only arguments), but the cache
  # auth token is (modules/elasticache/README.md) and the state describes the whole data tier. For example:
  # backend "s3" {
  #   bucket       = "muejam-terraform-state"
  #   key          = "rds/terraform.tfstate"
  #   region       = "eu-west-1"
  #   encrypt      = true
  #   use_lockfile = true
  # }
}
