# The provider every configuration here uses (copied beside it): the local AWS on loopback with test/test, the
# default account 000000000000.
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

  # The keys are validated and the account id is looked up through the local STS (GetCallerIdentity), as against
  # AWS. Only the EC2 instance metadata service is not asked: there is none on loopback.
  skip_metadata_api_check = true

  endpoints {
    route53 = var.endpoint
    ses     = var.endpoint
    sesv2   = var.endpoint
    sts     = var.endpoint
  }
}
