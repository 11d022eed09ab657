# SES API v2: a domain identity (Easy DKIM) and its MAIL FROM attributes, through the v2 resources.
variable "domain" { type = string }

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
