using System.Text.Json;
using MailFromConsole.LocalAws.Tests.Support;

namespace MailFromConsole.LocalAws.Tests.Terraform;

/// <summary>Terraform's SES v2 resources against the local SES API v2, seen through the v1 API of the same store.</summary>
public sealed class TerraformSesV2Tests
{
    private const string Domain = "tf-v2.test";

    [Fact]
    public async Task TerraformSetsMailFromThroughSesV2PlansCleanAndDeletesTheIdentity()
    {
        await using var aws = await LocalAwsFixture.StartAsync();
        using var terraform = TerraformCli.Create("sesv2-mail-from.tf");
        string[] variables = ["-var", $"endpoint={aws.Endpoint.ToString().TrimEnd('/')}", "-var", $"domain={Domain}"];

        await terraform.ShouldRunAsync(0, "init", "-input=false");
        await terraform.ShouldRunAsync(0, ["apply", "-auto-approve", "-parallelism=10", .. variables]);
        var outputs = JsonDocument.Parse((await terraform.ShouldRunAsync(0, "output", "-json")).Stdout).RootElement;
        var mailFrom = await aws.SesAsync("GetIdentityMailFromDomainAttributes", ("Identities.member.1", Domain));
        var dkim = await aws.SesAsync("GetIdentityDkimAttributes", ("Identities.member.1", Domain));
        await terraform.ShouldRunAsync(0, ["plan", "-detailed-exitcode", "-parallelism=10", .. variables]);
        await terraform.ShouldRunAsync(0, ["destroy", "-auto-approve", "-parallelism=10", .. variables]);
        var identitiesAfter = await aws.SesAsync("ListIdentities");

        Assert.Equal("DOMAIN", outputs.GetProperty("identity_type").GetProperty("value").GetString());
        Assert.Equal("mail." + Domain, mailFrom.Value("MailFromDomain"));
        Assert.Equal("RejectMessage", mailFrom.Value("BehaviorOnMXFailure"));
        Assert.Equal(outputs.GetProperty("dkim_tokens").GetProperty("value").EnumerateArray().Select(t => t.GetString()),
            dkim.All("DkimTokens").Single().Elements().Select(t => t.Value));
        Assert.DoesNotContain(identitiesAfter.All("member"), m => m.Value == Domain);
    }
}
