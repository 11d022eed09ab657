# An SES API v2 domain identity with Easy DKIM and a custom MAIL FROM, and the Route 53 records both need.
variable "domain" { type = string }

resource "aws_route53_zone" "main" {
  name          = var.domain
  force_destroy = true
}

resource "aws_sesv2_email_identity" "main" {
  email_identity = var.domain
  tags           = { team = "mail" }
}

resource "aws_route53_record" "dkim" {
  count   = 3
  zone_id = aws_route53_zone.main.zone_id
  name    = "${aws_sesv2_email_identity.main.dkim_signing_attributes[0].tokens[count.index]}._domainkey.${var.domain}"
  type    = "CNAME"
  ttl     = 600
  records = ["${aws_sesv2_email_identity.main.dkim_signing_attributes[0].tokens[count.index]}.dkim.amazonses.com"]
}

resource "aws_sesv2_email_identity_mail_from_attributes" "main" {
  email_identity         = aws_sesv2_email_identity.main.email_identity
  mail_from_domain       = "mail.${var.domain}"
  behavior_on_mx_failure = "REJECT_MESSAGE"
}

resource "aws_route53_record" "mail_from_mx" {
  zone_id = aws_route53_zone.main.zone_id
  name    = aws_sesv2_email_identity_mail_from_attributes.main.mail_from_domain
  type    = "MX"
  ttl     = 300
  records = ["10 feedback-smtp.us-east-1.amazonses.com"]
}

resource "aws_route53_record" "mail_from_spf" {
  zone_id = aws_route53_zone.main.zone_id
  name    = aws_sesv2_email_identity_mail_from_attributes.main.mail_from_domain
  type    = "TXT"
  ttl     = 300
  records = ["v=spf1 include:amazonses.com ~all"]
}

output "arn" { value = aws_sesv2_email_identity.main.arn }
output "tokens" { value = aws_sesv2_email_identity.main.dkim_signing_attributes[0].tokens }
output "identity_type" { value = aws_sesv2_email_identity.main.identity_type }
