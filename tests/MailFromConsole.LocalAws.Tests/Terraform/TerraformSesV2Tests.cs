using MailFromConsole.LocalAws.Tests.Support;

namespace MailFromConsole.LocalAws.Tests.Terraform;

/// <summary>Terraform's aws_sesv2_email_identity and aws_sesv2_email_identity_mail_from_attributes against the local SES API v2.</summary>
public sealed class TerraformSesV2Tests
{
    private const string Domain = "tf-sesv2.test";

    [Fact]
    public async Task TerraformAppliesAnIdentityWithDkimAndMailFromThatDetectionVerifiesThenPlansCleanAndDestroys()
    {
        // Real time (Terraform waits for Route 53 changes to be INSYNC); detection passes are run by the test.
        await using var aws = await LocalAwsFixture.StartAsync(o =>
        {
            o.ChangePropagationDelay = TimeSpan.FromSeconds(1);
            o.EnableDnsAndDetection = true;
            o.DetectionInterval = TimeSpan.FromHours(1);
        });
        using var terraform = await TerraformCli.InitAsync("sesv2-identity.tf", aws.Endpoint, Domain);

        await terraform.ApplyAsync();
        var outputs = await terraform.OutputsAsync();
        await aws.DetectionPassAsync();
        // A second pass: the MAIL FROM is checked once the first pass has verified the domain through DKIM.
        await aws.DetectionPassAsync();
        var identity = await aws.SesV2Async(HttpMethod.Get, "/v2/email/identities/" + Domain);
        var tags = await aws.SesV2Async(HttpMethod.Get, "/v2/email/tags?ResourceArn=" + Uri.EscapeDataString(outputs["arn"].GetString()!));
        await terraform.PlanIsCleanAsync();
        await terraform.DestroyAsync();
        var gone = await aws.SesV2Async(HttpMethod.Get, "/v2/email/identities/" + Domain);

        // The provider learned the default account through the local STS (GetCallerIdentity), so its ARNs name it.
        Assert.Equal($"arn:aws:ses:us-east-1:{LocalAwsOptions.DefaultAccountId}:identity/{Domain}", outputs["arn"].GetString());
        Assert.Equal("DOMAIN", outputs["identity_type"].GetString());
        Assert.Equal(3, outputs["tokens"].GetArrayLength());
        Assert.Equal("SUCCESS", identity.Text("DkimAttributes.Status"));
        Assert.Equal("SUCCESS", identity.Text("VerificationStatus"));
        Assert.Equal("mail." + Domain, identity.Text("MailFromAttributes.MailFromDomain"));
        Assert.Equal("SUCCESS", identity.Text("MailFromAttributes.MailFromDomainStatus"));
        Assert.Equal("REJECT_MESSAGE", identity.Text("MailFromAttributes.BehaviorOnMxFailure"));
        Assert.Equal("""[{"Key":"team","Value":"mail"}]""", tags.Node("Tags")!.ToJsonString());
        gone.ShouldFail(System.Net.HttpStatusCode.NotFound, "NotFoundException");
    }
}
