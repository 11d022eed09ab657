using MailFromConsole.Aws.Tests.Infrastructure;
using MailFromConsole.Core.Ses;

namespace MailFromConsole.Aws.Tests.Ses;

public sealed class SesClientRequestTests
{
    [Fact]
    public async Task SetIdentityMailFromDomainSendsASignedFormPostWithExactlyTheApiParameters()
    {
        await using var aws = await AwsClientHarness.StartAsync(_ => CannedResponse.Ok(AwsExamples.SesEmpty("SetIdentityMailFromDomain")));

        await aws.Ses.SetIdentityMailFromDomainAsync("eu-west-1", "example.com", "bounce.example.com", BehaviorOnMxFailure.RejectMessage);

        var request = Assert.Single(aws.Server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.StartsWith("application/x-www-form-urlencoded", request.Header("Content-Type"));
        Assert.Equal(
            [
                new("Action", "SetIdentityMailFromDomain"), new("Version", "2010-12-01"), new("Identity", "example.com"),
                new("MailFromDomain", "bounce.example.com"), new("BehaviorOnMXFailure", "RejectMessage"),
            ],
            request.Form);
        var authorization = SigV4Verifier.ParseAuthorization(request.Header("Authorization")!);
        Assert.Equal(AwsClientHarness.AccessKeyId, authorization.AccessKeyId);
        Assert.Equal("eu-west-1", authorization.Region);
        Assert.Equal("ses", authorization.Service);
        Assert.Contains("host", authorization.SignedHeaders);
        Assert.Contains("x-amz-date", authorization.SignedHeaders);
        Assert.Matches(@"^\d{8}T\d{6}Z$", request.Header("X-Amz-Date"));
        Assert.Equal(request.Header("X-Amz-Date")![..8], authorization.Date);
        Assert.True(SigV4Verifier.Verify(request, AwsClientHarness.SecretAccessKey), "signature does not verify");
    }

    [Fact]
    public async Task SetIdentityMailFromDomainWithNullDomainOmitsTheParameterSoSesDisablesIt()
    {
        await using var aws = await AwsClientHarness.StartAsync(_ => CannedResponse.Ok(AwsExamples.SesEmpty("SetIdentityMailFromDomain")));

        await aws.Ses.SetIdentityMailFromDomainAsync("us-east-1", "user@example.com", null, null);

        var request = Assert.Single(aws.Server.Requests);
        Assert.Equal(["Action", "Version", "Identity"], request.Form.Select(p => p.Key));
        Assert.Equal("user@example.com", request.FormValue("Identity"));
    }

    [Fact]
    public async Task SendEmailFlattensDestinationAndMessageAsTheQueryProtocolNamesThem()
    {
        await using var aws = await AwsClientHarness.StartAsync(_ => CannedResponse.Ok($"""
            <SendEmailResponse xmlns="{AwsExamples.SesNamespace}">
              <SendEmailResult><MessageId>00000131d51d2292-159ad6eb-077c-46e6-ad09-ae7c05925ed4-000000</MessageId></SendEmailResult>
              <ResponseMetadata><RequestId>d5964849-c866-11e0-9beb-01a62d68c57f</RequestId></ResponseMetadata>
            </SendEmailResponse>
            """));

        var messageId = await aws.Ses.SendEmailAsync("us-west-2",
            new SendEmailRequest("sender@example.com", ["a@example.com", "b@example.com"], "Test & check", "Hello = world"));

        Assert.Equal("00000131d51d2292-159ad6eb-077c-46e6-ad09-ae7c05925ed4-000000", messageId);
        var request = Assert.Single(aws.Server.Requests);
        Assert.Equal("SendEmail", request.FormValue("Action"));
        Assert.Equal("sender@example.com", request.FormValue("Source"));
        Assert.Equal("a@example.com", request.FormValue("Destination.ToAddresses.member.1"));
        Assert.Equal("b@example.com", request.FormValue("Destination.ToAddresses.member.2"));
        Assert.Equal("Test & check", request.FormValue("Message.Subject.Data"));
        Assert.Equal("Hello = world", request.FormValue("Message.Body.Text.Data"));
    }

    [Fact]
    public async Task VerifyDomainIdentityReturnsTheTokenToPublish()
    {
        await using var aws = await AwsClientHarness.StartAsync(_ => CannedResponse.Ok($"""
            <VerifyDomainIdentityResponse xmlns="{AwsExamples.SesNamespace}">
              <VerifyDomainIdentityResult><VerificationToken>QTKknzFg2J4ygwa+XvHAxUl1hyHoY0gVfZdfjIedHZ0=</VerificationToken></VerifyDomainIdentityResult>
              <ResponseMetadata><RequestId>94f6368e-9bf2-11e1-8ee7-c98a0037a2b6</RequestId></ResponseMetadata>
            </VerifyDomainIdentityResponse>
            """));

        var token = await aws.Ses.VerifyDomainIdentityAsync("us-east-1", "example.com");

        Assert.Equal("QTKknzFg2J4ygwa+XvHAxUl1hyHoY0gVfZdfjIedHZ0=", token);
        var request = Assert.Single(aws.Server.Requests);
        Assert.Equal([new("Action", "VerifyDomainIdentity"), new("Version", "2010-12-01"), new("Domain", "example.com")], request.Form);
    }

    [Fact]
    public async Task SimpleActionsSendTheirOneParameter()
    {
        await using var aws = await AwsClientHarness.StartAsync(r => CannedResponse.Ok(AwsExamples.SesEmpty(r.FormValue("Action")!)));

        await aws.Ses.VerifyEmailIdentityAsync("us-east-1", "user@example.com");
        await aws.Ses.DeleteIdentityAsync("us-east-1", "old.example.com");
        await aws.Ses.SetIdentityFeedbackForwardingEnabledAsync("us-east-1", "user@example.com", false);
        await aws.Ses.SetIdentityDkimEnabledAsync("us-east-1", "example.com", true);

        var forms = aws.Server.Requests.Select(r => r.Form.Skip(2).Prepend(r.Form[0]).ToList()).ToList();
        Assert.Equal([new("Action", "VerifyEmailIdentity"), new("EmailAddress", "user@example.com")], forms[0]);
        Assert.Equal([new("Action", "DeleteIdentity"), new("Identity", "old.example.com")], forms[1]);
        Assert.Equal([new("Action", "SetIdentityFeedbackForwardingEnabled"), new("Identity", "user@example.com"), new("ForwardingEnabled", "false")], forms[2]);
        Assert.Equal([new("Action", "SetIdentityDkimEnabled"), new("Identity", "example.com"), new("DkimEnabled", "true")], forms[3]);
    }

    [Fact]
    public async Task VerifyDomainDkimReturnsTheThreeTokensToPublish()
    {
        // The response of the SES API reference's VerifyDomainDkim example.
        await using var aws = await AwsClientHarness.StartAsync(_ => CannedResponse.Ok($"""
            <VerifyDomainDkimResponse xmlns="{AwsExamples.SesNamespace}">
              <VerifyDomainDkimResult>
                <DkimTokens>
                  <member>vvjuipp74whm76gqoni7qmwwn4w4qusjiainivf6f</member>
                  <member>3frqe7jn4obpuxjpwpolz6ipb3k5nvt2nhjpik2oy</member>
                  <member>wrqplteh7oodxnad7hsl4mixg2uavzneazxv5sxi2</member>
                </DkimTokens>
              </VerifyDomainDkimResult>
              <ResponseMetadata><RequestId>9662c15b-c469-11e1-99d1-797d6ecd6414</RequestId></ResponseMetadata>
            </VerifyDomainDkimResponse>
            """));

        var tokens = await aws.Ses.VerifyDomainDkimAsync("us-east-1", "example.com");

        Assert.Equal(["vvjuipp74whm76gqoni7qmwwn4w4qusjiainivf6f", "3frqe7jn4obpuxjpwpolz6ipb3k5nvt2nhjpik2oy", "wrqplteh7oodxnad7hsl4mixg2uavzneazxv5sxi2"], tokens);
        var request = Assert.Single(aws.Server.Requests);
        Assert.Equal([new("Action", "VerifyDomainDkim"), new("Version", "2010-12-01"), new("Domain", "example.com")], request.Form);
    }

    [Theory]
    [InlineData("us-east-1.evil.com/")]
    [InlineData("US-EAST-1")]
    [InlineData("")]
    public async Task RefusesRegionNamesThatCouldChangeTheHostOrScope(string region)
    {
        await using var aws = await AwsClientHarness.StartAsync(_ => CannedResponse.Ok(AwsExamples.SesEmpty("ListIdentities")));

        await Assert.ThrowsAsync<ArgumentException>(() => aws.Ses.ListIdentitiesAsync(region, null, null, null));

        Assert.Empty(aws.Server.Requests);
    }
}
