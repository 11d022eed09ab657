using MailFromConsole.Aws.Tests.Infrastructure;
using MailFromConsole.Core;

namespace MailFromConsole.Aws.Tests.Sts;

public sealed class StsClientTests
{
    [Fact]
    public async Task GetCallerIdentityIsSignedForStsInTheRegionAndReadsTheAccountAndArn()
    {
        await using var aws = await AwsClientHarness.StartAsync(_ => CannedResponse.Ok(AwsExamples.StsCallerIdentity()));

        var identity = await aws.Sts.GetCallerIdentityAsync("eu-west-1");

        Assert.Equal("123456789012", identity.Account);
        Assert.Equal("arn:aws:iam::123456789012:user/Alice", identity.Arn);
        var request = Assert.Single(aws.Server.Requests);
        Assert.Equal("GetCallerIdentity", request.FormValue("Action"));
        Assert.Equal("2011-06-15", request.FormValue("Version"));
        var authorization = SigV4Verifier.ParseAuthorization(request.Header("Authorization")!);
        Assert.Equal("eu-west-1", authorization.Region);
        Assert.Equal("sts", authorization.Service);
        Assert.True(SigV4Verifier.Verify(request, AwsClientHarness.SecretAccessKey));
    }

    [Fact]
    public async Task AssumeRoleSendsTheRoleSessionAndExternalIdAndReadsTheTemporaryCredentials()
    {
        var expiration = new DateTimeOffset(2026, 12, 2, 1, 0, 0, TimeSpan.Zero);
        await using var aws = await AwsClientHarness.StartAsync(_ => CannedResponse.Ok(AwsExamples.StsAssumeRole("ASIAROLEEXAMPLE", "role-token", expiration)));

        var role = await aws.Sts.AssumeRoleAsync("us-east-1", "arn:aws:iam::123456789012:role/demo", "MailFromConsole", "ext-1");

        var request = Assert.Single(aws.Server.Requests);
        Assert.Equal("AssumeRole", request.FormValue("Action"));
        Assert.Equal("arn:aws:iam::123456789012:role/demo", request.FormValue("RoleArn"));
        Assert.Equal("MailFromConsole", request.FormValue("RoleSessionName"));
        Assert.Equal("ext-1", request.FormValue("ExternalId"));
        Assert.Equal(("ASIAROLEEXAMPLE", AwsExamples.StsAssumedSecret, "role-token"), (role.AccessKeyId, role.SecretAccessKey, role.SessionToken));
        Assert.Equal(expiration, role.Expiration);
        Assert.Equal("123456789012", role.Account);
        Assert.DoesNotContain("role-token", role.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AssumeRoleWithoutAnExternalIdLeavesTheParameterOut()
    {
        await using var aws = await AwsClientHarness.StartAsync(_ => CannedResponse.Ok(AwsExamples.StsAssumeRole("ASIAROLEEXAMPLE", "t", DateTimeOffset.UtcNow.AddHours(1))));

        await aws.Sts.AssumeRoleAsync("us-east-1", "arn:aws:iam::123456789012:role/demo", "MailFromConsole", null);

        Assert.DoesNotContain(Assert.Single(aws.Server.Requests).Form, p => p.Key == "ExternalId");
    }

    [Fact]
    public async Task ARefusalIsStsErrorCodeAndMessage()
    {
        await using var aws = await AwsClientHarness.StartAsync(_ => new CannedResponse(403, AwsExamples.StsError("AccessDenied", "User: arn:aws:iam::123456789012:user/Alice is not authorized to perform: sts:AssumeRole")));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => aws.Sts.AssumeRoleAsync("us-east-1", "arn:aws:iam::111111111111:role/dns", "MailFromConsole", null));

        Assert.Equal(("STS", "AccessDenied", 403), (error.Service, error.ErrorCode, error.StatusCode));
        Assert.Contains("not authorized to perform: sts:AssumeRole", error.AwsMessage, StringComparison.Ordinal);
    }
}
