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
        using var terraform = await TerraformCli.InitAsync("sesv2-mail-from.tf", aws.Endpoint, Domain);

        await terraform.ApplyAsync();
        var outputs = await terraform.OutputsAsync();
        var mailFrom = await aws.SesAsync("GetIdentityMailFromDomainAttributes", ("Identities.member.1", Domain));
        var dkim = await aws.SesAsync("GetIdentityDkimAttributes", ("Identities.member.1", Domain));
        await terraform.PlanIsCleanAsync();
        await terraform.DestroyAsync();
        var identitiesAfter = await aws.SesAsync("ListIdentities");

        Assert.Equal("DOMAIN", outputs["identity_type"].GetString());
        Assert.Equal("mail." + Domain, mailFrom.Value("MailFromDomain"));
        Assert.Equal("RejectMessage", mailFrom.Value("BehaviorOnMXFailure"));
        Assert.Equal(outputs["dkim_tokens"].EnumerateArray().Select(t => t.GetString()),
            dkim.All("DkimTokens").Single().Elements().Select(t => t.Value));
        Assert.DoesNotContain(identitiesAfter.All("member"), m => m.Value == Domain);
    }
}
