# The issue's MAIL FROM setup: a tagged zone (read back through the data source, force-destroyed), an SES domain
# identity verified through its _amazonses record, Easy DKIM CNAMEs, the MAIL FROM domain with its MX and SPF records.
# One configuration for all of it: each Route 53 change costs 10-30 s of the provider's own waiting.
variable "domain" { type = string }

resource "aws_route53_zone" "main" {
  name          = var.domain
  comment       = "MAIL FROM test zone"
  force_destroy = true
  tags          = { purpose = "mail-from" }
}

data "aws_route53_zone" "by_name" {
  name       = aws_route53_zone.main.name
  depends_on = [aws_route53_zone.main]
}

resource "aws_ses_domain_identity" "main" {
  domain = var.domain
}

resource "aws_route53_record" "verification" {
  zone_id = aws_route53_zone.main.zone_id
  name    = "_amazonses.${var.domain}"
  type    = "TXT"
  ttl     = 600
  records = [aws_ses_domain_identity.main.verification_token]
}

resource "aws_ses_domain_identity_verification" "main" {
  domain     = aws_ses_domain_identity.main.id
  depends_on = [aws_route53_record.verification]
}

resource "aws_ses_domain_dkim" "main" {
  domain = aws_ses_domain_identity.main.domain
}

resource "aws_route53_record" "dkim" {
  count   = 3
  zone_id = aws_route53_zone.main.zone_id
  name    = "${aws_ses_domain_dkim.main.dkim_tokens[count.index]}._domainkey.${var.domain}"
  type    = "CNAME"
  ttl     = 600
  records = ["${aws_ses_domain_dkim.main.dkim_tokens[count.index]}.dkim.amazonses.com"]
}

resource "aws_ses_domain_mail_from" "main" {
  domain                 = aws_ses_domain_identity_verification.main.domain
  mail_from_domain       = "mail.${var.domain}"
  behavior_on_mx_failure = "RejectMessage"
}

resource "aws_route53_record" "mail_from_mx" {
  zone_id = aws_route53_zone.main.zone_id
  name    = aws_ses_domain_mail_from.main.mail_from_domain
  type    = "MX"
  ttl     = 300
  records = ["10 feedback-smtp.us-east-1.amazonses.com"]
}

resource "aws_route53_record" "mail_from_spf" {
  zone_id = aws_route53_zone.main.zone_id
  name    = aws_ses_domain_mail_from.main.mail_from_domain
  type    = "TXT"
  ttl     = 300
  records = ["v=spf1 include:amazonses.com ~all"]
}

output "zone_id" { value = aws_route53_zone.main.zone_id }
output "found_zone_id" { value = data.aws_route53_zone.by_name.zone_id }
output "name_servers" { value = aws_route53_zone.main.name_servers }
output "dkim_tokens" { value = aws_ses_domain_dkim.main.dkim_tokens }
