# SES API v2: a domain identity (Easy DKIM) and its MAIL FROM attributes, through the v2 resources.
variable "endpoint" { type = string }
variable "domain" { type = string }

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

resource "aws_sesv2_email_identity" "main" {
  email_identity = var.domain
  tags           = { purpose = "mail-from" }
}

resource "aws_sesv2_email_identity_mail_from_attributes" "main" {
  email_identity         = aws_sesv2_email_identity.main.email_identity
  mail_from_domain       = "mail.${var.domain}"
  behavior_on_mx_failure = "REJECT_MESSAGE"
}

output "dkim_tokens" { value = aws_sesv2_email_identity.main.dkim_signing_attributes[0].tokens }
output "identity_type" { value = aws_sesv2_email_identity.main.identity_type }
