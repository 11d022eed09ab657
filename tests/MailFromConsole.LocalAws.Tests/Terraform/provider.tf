# The provider every configuration here uses (copied beside it): the local AWS on loopback with test/test.
variable "endpoint" { type = string }

terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "5.100.0" }
  }
}

provider "aws" {
  region     = "us-east-1"
  access_key = "test"
  secret_key = "test"

  # Until the local AWS answers STS: no caller-identity or account-id look-ups.
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true

  endpoints {
    route53 = var.endpoint
    ses     = var.endpoint
    sesv2   = var.endpoint
    sts     = var.endpoint
  }
}
