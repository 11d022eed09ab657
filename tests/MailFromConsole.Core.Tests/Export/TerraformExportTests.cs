using MailFromConsole.Core.Export;
using MailFromConsole.Core.Route53;
using static MailFromConsole.Core.Tests.Export.ExportSamples;

namespace MailFromConsole.Core.Tests.Export;

public sealed class TerraformExportTests
{
    [Fact]
    public void ASetUpIdentityIsAdoptedWithImportBlocksForItsSettingAndBothRecordSets()
    {
        var tf = TerraformExport.Generate(Region, Plan((SetUp(), PublishedZone())));

        Assert.Contains("""
            import {
              to = aws_ses_domain_mail_from.example_com
              id = "example.com"
            }
            resource "aws_ses_domain_mail_from" "example_com" {
              domain                 = "example.com"
              mail_from_domain       = "mail.example.com"
              behavior_on_mx_failure = "RejectMessage"
            }
            """, tf);
        Assert.Contains("""
            import {
              to = aws_route53_record.example_com_mx
              id = "Z0EXAMPLE_mail.example.com_MX"
            }
            resource "aws_route53_record" "example_com_mx" {
              zone_id = data.aws_route53_zone.example_com.zone_id
              name    = "mail.example.com"
              type    = "MX"
              ttl     = 600
              records = ["10 feedback-smtp.us-east-1.amazonses.com."]
            }
            """, tf);
        Assert.Contains("id = \"Z0EXAMPLE_mail.example.com_TXT\"", tf);
        Assert.Contains("""
            data "aws_route53_zone" "example_com" {
              name         = "example.com."
              private_zone = false
            }
            """, tf);
        Assert.Contains("required_version = \">= 1.5.0\"", tf);
        Assert.Contains("region = \"us-east-1\"", tf);
    }

    [Fact]
    public void ANewIdentityGetsTheProposedDomainAndNewRecordsWithoutImports()
    {
        var tf = TerraformExport.Generate(Region, Plan((New("user@example.org"), ZoneWith())));

        Assert.DoesNotContain("import {", tf);
        Assert.Contains("mail_from_domain       = \"mail.example.org\"", tf);
        Assert.Contains("behavior_on_mx_failure = \"UseDefaultValue\"", tf);
        Assert.Contains("resource \"aws_route53_record\" \"user_example_org_mx\"", tf);
        Assert.Contains("records = [\"v=spf1 include:amazonses.com ~all\"]", tf);
        Assert.Contains("ttl     = 300", tf);
        Assert.Contains("# No MAIL FROM domain is set in SES yet: mail.example.org is the console's proposal.", tf);
    }

    [Fact]
    public void AnExistingSpfRecordIsImportedAndMergedIntoOneRecordKeepingTheOtherTxtValues()
    {
        var tf = TerraformExport.Generate(Region, Plan((New("spf.test"), ZoneWith(
            new ResourceRecordSet("mail.spf.test.", "TXT", 900, ["v=spf1 include:_spf.google.com ~all", "site-verification=abc"])))));

        Assert.Contains("id = \"Z0EXAMPLE_mail.spf.test_TXT\"", tf);
        Assert.Contains("records = [\"v=spf1 include:_spf.google.com include:amazonses.com ~all\", \"site-verification=abc\"]", tf);
        Assert.Single(tf.Split('\n'), l => l.Contains("type    = \"TXT\"", StringComparison.Ordinal));
        Assert.Contains("ttl     = 900", tf);
    }

    [Fact]
    public void AnIdentityWithoutAHostedZoneSaysSoAndHasNoRecords()
    {
        var tf = TerraformExport.Generate(Region, Plan((SetUp("example.org", "mail.example.org"), ExportZone.None)));

        Assert.Contains("# No public hosted zone for mail.example.org in this account: the MX and SPF records are omitted; add them at your DNS provider.", tf);
        Assert.DoesNotContain("aws_route53_record", tf);
        Assert.DoesNotContain("aws_route53_zone", tf);
        Assert.Contains("resource \"aws_ses_domain_mail_from\" \"example_org\"", tf);
    }

    [Fact]
    public void ANameThatReceivesMailGetsNoRecordsAndTheConsolesReason()
    {
        var tf = TerraformExport.Generate(Region, Plan((New("example.com"), ZoneWith(new ResourceRecordSet("mail.example.com.", "MX", 300, ["10 mx.mailhost.example."])))));

        Assert.Contains("# The records are omitted: mail.example.com already receives mail (MX to mx.mailhost.example).", tf);
        Assert.DoesNotContain("aws_route53_record", tf);
    }

    [Fact]
    public void TwoIdentitiesWithOneMailFromDomainShareOneZoneAndOneRecordOfEachType()
    {
        var tf = TerraformExport.Generate(Region, Plan((SetUp(), PublishedZone()), (SetUp("user@example.com"), PublishedZone())));

        Assert.Single(tf.Split('\n'), l => l.StartsWith("data \"aws_route53_zone\"", StringComparison.Ordinal));
        Assert.Equal(2, tf.Split('\n').Count(l => l.StartsWith("resource \"aws_route53_record\"", StringComparison.Ordinal)));
        Assert.Contains("resource \"aws_ses_domain_mail_from\" \"user_example_com\"", tf);
        Assert.Contains("# The MX record at mail.example.com is exported with example.com.", tf);
    }

    [Fact]
    public void KeysStayUniqueWhenIdentitiesSpellTheSameWay()
    {
        var tf = TerraformExport.Generate(Region, Plan((New("a-b.test"), ExportZone.None), (New("a.b.test"), ExportZone.None), (New("1.test"), ExportZone.None)));

        Assert.Contains("resource \"aws_ses_domain_mail_from\" \"a_b_test\"", tf);
        Assert.Contains("resource \"aws_ses_domain_mail_from\" \"a_b_test_2\"", tf);
        Assert.Contains("resource \"aws_ses_domain_mail_from\" \"id_1_test\"", tf);
    }

    [Fact]
    public void ALongTxtValueIsWrittenAsCharacterStringsAsTheProviderReadsItBack()
    {
        var other = "x" + new string('y', 300);
        var tf = TerraformExport.Generate(Region, Plan((New("long.test"), ZoneWith(new ResourceRecordSet("mail.long.test.", "TXT", 300, [other])))));

        Assert.Contains($"records = [\"{other[..255]}\\\" \\\"{other[255..]}\", \"v=spf1 include:amazonses.com ~all\"]", tf);
    }
}
