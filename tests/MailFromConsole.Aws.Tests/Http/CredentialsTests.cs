using MailFromConsole.Aws.Tests.Infrastructure;
using MailFromConsole.Core;

namespace MailFromConsole.Aws.Tests.Http;

public sealed class CredentialsTests
{
    [Fact]
    public async Task ClientsResolveWithoutCredentialsAndReportMissingOnesOnFirstCall()
    {
        await using var aws = await AwsClientHarness.StartAsync(
            _ => CannedResponse.Ok(AwsExamples.SesEmpty("ListIdentities")),
            new Dictionary<string, string?> { ["Aws:Profile"] = "no-such-profile-" + Guid.NewGuid().ToString("N") },
            withCredentials: false);

        var ses = aws.Ses;
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => ses.ListIdentitiesAsync("us-east-1", null, null, null));

        Assert.Equal("CredentialsNotAvailable", error.ErrorCode);
        Assert.Contains("no-such-profile-", error.AwsMessage, StringComparison.Ordinal);
        Assert.Empty(aws.Server.Requests);
    }

    [Fact]
    public async Task ExplicitSessionTokenIsSentAndSigned()
    {
        await using var aws = await AwsClientHarness.StartAsync(
            _ => CannedResponse.Ok(AwsExamples.SesEmpty("ListIdentities")),
            new Dictionary<string, string?> { ["Aws:SessionToken"] = "session-token-value" });

        await aws.Ses.ListIdentitiesAsync("us-east-1", null, null, null);

        var request = Assert.Single(aws.Server.Requests);
        Assert.Equal("session-token-value", request.Header("X-Amz-Security-Token"));
        Assert.Contains("x-amz-security-token", SigV4Verifier.ParseAuthorization(request.Header("Authorization")!).SignedHeaders);
        Assert.True(SigV4Verifier.Verify(request, AwsClientHarness.SecretAccessKey));
    }
}
