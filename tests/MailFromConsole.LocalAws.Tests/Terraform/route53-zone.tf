# A zone with the MAIL FROM records of mail.<domain>, and the zone read back through the data source.
variable "domain" { type = string }

resource "aws_route53_zone" "main" {
  name          = var.domain
  comment       = "MAIL FROM test zone"
  force_destroy = true
  tags          = { purpose = "mail-from" }
}

resource "aws_route53_record" "mail_from_mx" {
  zone_id = aws_route53_zone.main.zone_id
  name    = "mail.${var.domain}"
  type    = "MX"
  ttl     = 300
  records = ["10 feedback-smtp.us-east-1.amazonses.com"]
}

resource "aws_route53_record" "mail_from_spf" {
  zone_id = aws_route53_zone.main.zone_id
  name    = "mail.${var.domain}"
  type    = "TXT"
  ttl     = 300
  records = ["v=spf1 include:amazonses.com ~all"]
}

data "aws_route53_zone" "by_name" {
  name       = aws_route53_zone.main.name
  depends_on = [aws_route53_zone.main]
}

output "zone_id" { value = aws_route53_zone.main.zone_id }
output "found_zone_id" { value = data.aws_route53_zone.by_name.zone_id }
output "name_servers" { value = aws_route53_zone.main.name_servers }
