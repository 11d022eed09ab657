using MailFromConsole.LocalAws.Tests.Support;
using static MailFromConsole.LocalAws.Tests.Support.Route53Xml;

namespace MailFromConsole.LocalAws.Tests.Terraform;

/// <summary>Terraform's AWS provider (from the filesystem mirror) drives the local Route 53 unchanged.</summary>
// One Terraform run at a time: each starts the large provider binary and several processes.
[Collection(TerraformCli.Collection)]
public sealed class TerraformRoute53Tests
{
    private const string Domain = "tf-mail.test";

    [Fact]
    public async Task TerraformAppliesAZoneWithMailFromRecordsPlansCleanAndForceDestroysIt()
    {
        await using var aws = await LocalAwsFixture.StartAsync(o => o.ChangePropagationDelay = TimeSpan.FromSeconds(1));
        using var terraform = await TerraformCli.InitAsync("route53-zone.tf", aws.Endpoint, Domain);

        await terraform.ApplyAsync();
        var outputs = await terraform.OutputsAsync();
        var records = aws.Server.ZoneData.RecordsAt(Domain + ".", "mail." + Domain + ".");
        await terraform.PlanIsCleanAsync();
        // A record Terraform does not manage: force_destroy must remove it so the zone can go.
        var zoneId = outputs["zone_id"].GetString()!;
        (await aws.Route53Async(HttpMethod.Post, $"/2013-04-01/hostedzone/{zoneId}/rrset/", Batch(
            Change("CREATE", "other." + Domain, "TXT", 60, "\"added by hand\"")))).ShouldSucceed();
        await terraform.DestroyAsync();
        var zonesAfter = await aws.Route53Async(HttpMethod.Get, "/2013-04-01/hostedzone");

        Assert.Equal(zoneId, outputs["found_zone_id"].GetString());
        Assert.Equal(4, outputs["name_servers"].GetArrayLength());
        Assert.Contains(records, r => r is { Type: "MX", Value: "10 feedback-smtp.us-east-1.amazonses.com." });
        Assert.Contains(records, r => r is { Type: "TXT", Value: "v=spf1 include:amazonses.com ~all" });
        Assert.DoesNotContain(zonesAfter.All("Name"), n => n.Value == Domain + ".");
    }
}
