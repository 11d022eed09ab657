using MailFromConsole.LocalAws.Tests.Support;
using static MailFromConsole.LocalAws.Tests.Support.Route53Xml;

namespace MailFromConsole.LocalAws.Tests.Terraform;

/// <summary>
/// Terraform's AWS provider (from the filesystem mirror) drives the local SES and Route 53 unchanged through the
/// issue's whole MAIL FROM setup. Each Route 53 change costs 10-30 s of the provider's own waiting, so one
/// configuration also proves the zone's own cases (tags, data source, force_destroy).
/// </summary>
public sealed class TerraformMailFromTests
{
    private const string Domain = "tf-mail.test";
    private const string MailFrom = "mail." + Domain;

    [Fact]
    public async Task TerraformAppliesTheMailFromSetupReadsTheZoneBackPlansCleanAndForceDestroysIt()
    {
        // Detection every second, so the verification resource Terraform waits on settles quickly.
        await using var aws = await LocalAwsFixture.StartAsync(o =>
        {
            o.EnableDnsAndDetection = true;
            o.DetectionInterval = TimeSpan.FromSeconds(1);
            o.ChangePropagationDelay = TimeSpan.FromSeconds(1);
        });
        using var terraform = await TerraformCli.InitAsync("mail-from.tf", aws.Endpoint, Domain);

        await terraform.ApplyAsync();
        var outputs = await terraform.OutputsAsync();
        await aws.DetectionPassAsync();
        var verification = await aws.SesAsync("GetIdentityVerificationAttributes", ("Identities.member.1", Domain));
        var dkim = await aws.SesAsync("GetIdentityDkimAttributes", ("Identities.member.1", Domain));
        var mailFrom = await aws.SesAsync("GetIdentityMailFromDomainAttributes", ("Identities.member.1", Domain));
        var records = aws.Server.ZoneData.RecordsAt(Domain + ".", MailFrom + ".");
        await terraform.PlanIsCleanAsync();
        // A record Terraform does not manage: force_destroy must remove it so the zone can go.
        var zoneId = outputs["zone_id"].GetString()!;
        (await aws.Route53Async(HttpMethod.Post, $"/2013-04-01/hostedzone/{zoneId}/rrset/", Batch(
            Change("CREATE", "other." + Domain, "TXT", 60, "\"added by hand\"")))).ShouldSucceed();
        await terraform.DestroyAsync();
        var zonesAfter = await aws.Route53Async(HttpMethod.Get, "/2013-04-01/hostedzone");
        var identitiesAfter = await aws.SesAsync("ListIdentities");

        Assert.Equal(zoneId, outputs["found_zone_id"].GetString());
        Assert.Equal(4, outputs["name_servers"].GetArrayLength());
        Assert.Equal(3, outputs["dkim_tokens"].GetArrayLength());
        Assert.Equal("Success", verification.Value("VerificationStatus"));
        Assert.Equal("Success", dkim.Value("DkimVerificationStatus"));
        Assert.Equal(MailFrom, mailFrom.Value("MailFromDomain"));
        Assert.Equal("Success", mailFrom.Value("MailFromDomainStatus"));
        Assert.Contains(records, r => r is { Type: "MX", Value: "10 feedback-smtp.us-east-1.amazonses.com." });
        Assert.Contains(records, r => r is { Type: "TXT", Value: "v=spf1 include:amazonses.com ~all" });
        Assert.DoesNotContain(zonesAfter.All("Name"), n => n.Value == Domain + ".");
        Assert.DoesNotContain(identitiesAfter.All("member"), m => m.Value == Domain);
    }
}
