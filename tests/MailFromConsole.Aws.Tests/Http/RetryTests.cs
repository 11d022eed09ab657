using MailFromConsole.Aws.Tests.Infrastructure;
using MailFromConsole.Core;
using MailFromConsole.Core.Route53;
using MailFromConsole.Core.Ses;

namespace MailFromConsole.Aws.Tests.Http;

public sealed class RetryTests
{
    /// <summary>A clock that moves one second each time it is read, so every signature gets its own X-Amz-Date.</summary>
    private sealed class SteppingTimeProvider : TimeProvider
    {
        private long _reads;
        public override DateTimeOffset GetUtcNow() =>
            new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero).AddSeconds(Interlocked.Increment(ref _reads));
    }

    [Fact]
    public async Task ThrottlingTwiceThenSuccessIsRetriedWithAFreshSignatureEachAttempt()
    {
        var calls = 0;
        await using var aws = await AwsClientHarness.StartAsync(
            _ => Interlocked.Increment(ref calls) <= 2
                ? new CannedResponse(400, AwsExamples.SesError("Throttling", "Rate exceeded"))
                : CannedResponse.Ok(AwsExamples.SesEmpty("SetIdentityMailFromDomain")),
            timeProvider: new SteppingTimeProvider());

        await aws.Ses.SetIdentityMailFromDomainAsync("us-east-1", "example.com", "mail.example.com", BehaviorOnMxFailure.UseDefaultValue);

        var requests = aws.Server.Requests;
        Assert.Equal(3, requests.Count);
        Assert.All(requests, r => Assert.True(SigV4Verifier.Verify(r, AwsClientHarness.SecretAccessKey)));
        Assert.Equal(3, requests.Select(r => r.Header("X-Amz-Date")).Distinct().Count());
        Assert.Equal(3, requests.Select(r => r.Header("Authorization")).Distinct().Count());
        Assert.All(requests, r => Assert.Equal("SetIdentityMailFromDomain", r.FormValue("Action")));
    }

    [Theory]
    [InlineData(500, "<ErrorResponse><Error><Code>InternalFailure</Code><Message>oops</Message></Error></ErrorResponse>")]
    [InlineData(503, "<html>Service Unavailable</html>")]
    [InlineData(400, "<ErrorResponse><Error><Code>PriorRequestNotComplete</Code><Message>The request was rejected because Route 53 was still processing a prior request.</Message></Error></ErrorResponse>")]
    public async Task ServerErrorsAndPriorRequestNotCompleteAreRetried(int status, string body)
    {
        var calls = 0;
        await using var aws = await AwsClientHarness.StartAsync(_ => Interlocked.Increment(ref calls) == 1
            ? new CannedResponse(status, body)
            : CannedResponse.Ok($"""<GetChangeResponse xmlns="{AwsExamples.Route53Namespace}"><ChangeInfo><Id>/change/C2682N5HXP0BZ4</Id><Status>INSYNC</Status><SubmittedAt>2017-03-10T01:36:41.958Z</SubmittedAt></ChangeInfo></GetChangeResponse>"""));

        var change = await aws.Route53.GetChangeAsync("C2682N5HXP0BZ4");

        Assert.Equal("C2682N5HXP0BZ4", change.Id);
        Assert.Equal(2, aws.Server.Requests.Count);
    }

    [Fact]
    public async Task ClientErrorsOtherThanThrottlingAreNotRetried()
    {
        await using var aws = await AwsClientHarness.StartAsync(_ =>
            new CannedResponse(400, AwsExamples.SesError("InvalidParameterValue", "Provided MAIL-FROM domain mail.other.com is not subdomain of the domain of the identity example.com.")));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            aws.Ses.SetIdentityMailFromDomainAsync("us-east-1", "example.com", "mail.other.com", null));

        Assert.Equal("InvalidParameterValue", error.ErrorCode);
        Assert.Single(aws.Server.Requests);
    }

    [Fact]
    public async Task ThrottlingThatNeverEndsSurfacesAsThrottlingAfterTheConfiguredAttempts()
    {
        await using var aws = await AwsClientHarness.StartAsync(
            _ => new CannedResponse(400, AwsExamples.SesError("Throttling", "Rate exceeded")),
            new Dictionary<string, string?> { ["Aws:Retry:MaxRetryAttempts"] = "2" });

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => aws.Ses.ListIdentitiesAsync("us-east-1", null, null, null));

        Assert.Equal("Throttling", error.ErrorCode);
        Assert.Equal("Rate exceeded", error.AwsMessage);
        Assert.Equal(3, aws.Server.Requests.Count);
    }

    [Fact]
    public async Task AnAnswerThatIsNotAwsXmlReportsTheHttpStatus()
    {
        await using var aws = await AwsClientHarness.StartAsync(
            _ => new CannedResponse(502, "<html><body>Bad gateway</body></html>", "text/html"),
            new Dictionary<string, string?> { ["Aws:Retry:MaxRetryAttempts"] = "1" });

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => aws.Ses.ListIdentitiesAsync("us-east-1", null, null, null));

        Assert.Equal("Http502", error.ErrorCode);
        Assert.Equal(502, error.StatusCode);
        Assert.Equal("header-request-id", error.RequestId);
    }

    [Fact]
    public async Task AnUnreachableEndpointBecomesANetworkError()
    {
        await using var aws = await AwsClientHarness.StartAsync(_ => CannedResponse.Ok(""),
            new Dictionary<string, string?> { ["Aws:Retry:MaxRetryAttempts"] = "1" });
        await aws.Server.DisposeAsync();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => aws.Ses.ListIdentitiesAsync("us-east-1", null, null, null));

        Assert.Equal("NetworkError", error.ErrorCode);
        Assert.False(error.OutcomeUnknown);
    }

    [Fact]
    public async Task AnAnswerLostAfterTheRequestWasSentLeavesTheOutcomeUnknown()
    {
        await using var aws = await AwsClientHarness.StartAsync(_ => CannedResponse.Lost,
            new Dictionary<string, string?> { ["Aws:Retry:MaxRetryAttempts"] = "1" });

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            aws.Route53.ChangeResourceRecordSetsAsync("Z1", [new RecordSetChange(ChangeAction.Create, new ResourceRecordSet("mail.example.com.", "MX", 300, ["10 feedback-smtp.us-east-1.amazonses.com."]))], null));

        Assert.Equal("NetworkError", error.ErrorCode);
        Assert.True(error.OutcomeUnknown);
        Assert.NotEmpty(aws.Server.Requests);
    }
}
