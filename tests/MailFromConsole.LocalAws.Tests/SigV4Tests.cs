using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using MailFromConsole.LocalAws.Auth;
using MailFromConsole.LocalAws.Tests.Support;
using MailFromConsole.LocalAws.Wire;
using Microsoft.Extensions.Time.Testing;

namespace MailFromConsole.LocalAws.Tests;

public sealed class SigV4Tests
{
    // The IAM ListUsers example of the AWS "Create a signed request" guide, with its published signature.
    private static readonly DateTimeOffset DocumentationExampleTime = new(2015, 8, 30, 12, 36, 0, TimeSpan.Zero);

    private static readonly SigningService Iam = new("iam", new HashSet<string> { "iam" }, new HashSet<string> { "us-east-1" }, TimeSpan.FromMinutes(15));

    private static readonly Dictionary<string, string> DocumentationExampleHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Content-Type"] = "application/x-www-form-urlencoded; charset=utf-8",
        ["Host"] = "iam.amazonaws.com",
        ["X-Amz-Date"] = "20150830T123600Z",
        ["Authorization"] = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, " +
                            "SignedHeaders=content-type;host;x-amz-date, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7",
    };

    /// <summary>The example's GET request with its signed headers and the given query.</summary>
    private static SignedRequest DocumentationExampleRequest(string query) =>
        new("GET", "/", query, name => DocumentationExampleHeaders.GetValueOrDefault(name), []);

    /// <summary>A verifier knowing the example's key, its clock at <paramref name="now"/>.</summary>
    private static SigV4Verifier DocumentationExampleVerifier(DateTimeOffset now)
    {
        var time = new FakeTimeProvider(now);
        var accounts = new LocalAccounts(new LocalAwsOptions { AccessKeyId = "AKIDEXAMPLE", SecretAccessKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" });
        return new SigV4Verifier(accounts, new TemporaryCredentialStore(time), time);
    }

    [Fact]
    public void AcceptsTheSignatureOfTheAwsDocumentationExample()
    {
        var scope = DocumentationExampleVerifier(DocumentationExampleTime).Verify(DocumentationExampleRequest("Action=ListUsers&Version=2010-05-08"), Iam);

        Assert.Equal(("AKIDEXAMPLE", "us-east-1", "iam"), (scope.AccessKeyId, scope.Region, scope.Service));
        Assert.Equal(LocalAwsOptions.DefaultAccountId, scope.Caller.AccountId);
    }

    [Fact]
    public void RejectsTheDocumentationExampleWhenTheQueryIsChanged()
    {
        var error = Assert.Throws<AwsError>(() =>
            DocumentationExampleVerifier(DocumentationExampleTime).Verify(DocumentationExampleRequest("Action=DeleteUser&Version=2010-05-08"), Iam));

        Assert.Equal("SignatureDoesNotMatch", error.Code);
    }

    [Fact]
    public void RejectsTheDocumentationExampleSixteenMinutesLaterAsExpired()
    {
        var error = Assert.Throws<AwsError>(() =>
            DocumentationExampleVerifier(DocumentationExampleTime.AddMinutes(16)).Verify(DocumentationExampleRequest("Action=ListUsers&Version=2010-05-08"), Iam));

        Assert.Equal("SignatureDoesNotMatch", error.Code);
        Assert.Equal("Signature expired: 20150830T123600Z is now earlier than 20150830T123700Z (20150830T125200Z - 15 min.)", error.Message);
    }

    [Fact]
    public async Task WrongSecretGetsSignatureDoesNotMatch()
    {
        await using var aws = await LocalAwsFixture.StartAsync();

        var ses = await aws.SesSignedAsync("us-east-1", "test", "wrong", "ListIdentities");
        var route53 = await aws.Route53SignedAsync(HttpMethod.Get, "/2013-04-01/hostedzonesbyname", null, "test", "wrong");

        ses.ShouldFail(HttpStatusCode.Forbidden, "SignatureDoesNotMatch");
        route53.ShouldFail(HttpStatusCode.Forbidden, "SignatureDoesNotMatch");
        Assert.Equal(AwsAnswer.Route53, route53.Ns);
    }

    [Fact]
    public async Task UnknownAccessKeyGetsInvalidClientTokenId()
    {
        await using var aws = await LocalAwsFixture.StartAsync();

        var answer = await aws.SesSignedAsync("us-east-1", "AKIAUNKNOWN", "test", "ListIdentities");

        answer.ShouldFail(HttpStatusCode.Forbidden, "InvalidClientTokenId");
    }

    [Fact]
    public async Task UnsignedRequestIsRefused()
    {
        await using var aws = await LocalAwsFixture.StartAsync();
        using var http = new HttpClient();

        using var response = await http.PostAsync(aws.Endpoint, new StringContent("Action=ListIdentities&Version=2010-12-01",
            Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("<Code>MissingAuthenticationToken</Code>", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task RegionComesFromTheCredentialScope()
    {
        await using var aws = await LocalAwsFixture.StartAsync();

        var eu = await aws.SesInRegionAsync("eu-west-1", "ListIdentities");

        Assert.Equal([LocalAwsSeeds.ExampleDomain, LocalAwsSeeds.OtherRegionEmail], eu.All("member").Select(m => m.Value));
    }

    private static string Basic(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    [Fact]
    public async Task RequestSignedIn2019IsRefusedAsExpiredByEachService()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var aws = await LocalAwsFixture.StartAsync(time: time);
        var old = Signing.Default with { At = new DateTimeOffset(2019, 6, 1, 12, 0, 0, TimeSpan.Zero) };
        var now = time.GetUtcNow();

        var ses = await aws.SesSignedAsync(old, "ListIdentities");
        var sts = await aws.StsSignedAsync(old, "GetCallerIdentity");
        var route53 = await aws.Route53SignedAsync(old, HttpMethod.Get, "/2013-04-01/hostedzone");

        ses.ShouldFail(HttpStatusCode.Forbidden, "SignatureDoesNotMatch");
        Assert.Equal($"Signature expired: 20190601T120000Z is now earlier than {Basic(now.AddMinutes(-15))} ({Basic(now)} - 15 min.)", ses.ErrorMessage);
        sts.ShouldFail(HttpStatusCode.Forbidden, "SignatureDoesNotMatch");
        Assert.Equal(ses.ErrorMessage, sts.ErrorMessage);
        route53.ShouldFail(HttpStatusCode.Forbidden, "SignatureDoesNotMatch");
        Assert.Equal($"Signature expired: 20190601T120000Z is now earlier than {Basic(now.AddMinutes(-5))} ({Basic(now)} - 5 min.)", route53.ErrorMessage);
        Assert.Equal(AwsAnswer.Route53, route53.Ns);
    }

    [Fact]
    public async Task RequestSignedIn2031IsRefusedAsNotYetCurrent()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var aws = await LocalAwsFixture.StartAsync(time: time);
        var future = Signing.Default with { At = new DateTimeOffset(2031, 1, 1, 0, 0, 0, TimeSpan.Zero) };
        var now = time.GetUtcNow();

        var ses = await aws.SesSignedAsync(future, "ListIdentities");
        var route53 = await aws.Route53SignedAsync(future, HttpMethod.Get, "/2013-04-01/hostedzone");

        ses.ShouldFail(HttpStatusCode.Forbidden, "SignatureDoesNotMatch");
        Assert.Equal($"Signature not yet current: 20310101T000000Z is still later than {Basic(now.AddMinutes(15))} ({Basic(now)} + 15 min.)", ses.ErrorMessage);
        route53.ShouldFail(HttpStatusCode.Forbidden, "SignatureDoesNotMatch");
    }

    [Fact]
    public async Task Route53AllowsFiveMinutesOfClockSkewAndSesFifteen()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var aws = await LocalAwsFixture.StartAsync(time: time);
        var sixMinutesBehind = Signing.Default with { At = time.GetUtcNow().AddMinutes(-6) };
        var fourMinutesAhead = Signing.Default with { At = time.GetUtcNow().AddMinutes(4) };

        var ses = await aws.SesSignedAsync(sixMinutesBehind, "ListIdentities");
        var route53Behind = await aws.Route53SignedAsync(sixMinutesBehind, HttpMethod.Get, "/2013-04-01/hostedzone");
        var route53Ahead = await aws.Route53SignedAsync(fourMinutesAhead, HttpMethod.Get, "/2013-04-01/hostedzone");

        ses.ShouldSucceed();
        route53Behind.ShouldFail(HttpStatusCode.Forbidden, "SignatureDoesNotMatch");
        route53Ahead.ShouldSucceed();
    }

    [Fact]
    public async Task ReplayedRequestIsAcceptedInsideTheWindowAsAwsDoesAndRefusedAfterIt()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var aws = await LocalAwsFixture.StartAsync(time: time);
        var send = await aws.SignedOnceAsync(Signing.Default, "ses", "2010-12-01", "VerifyEmailIdentity", ("EmailAddress", "replay@example.com"));

        var first = await send();
        time.Advance(TimeSpan.FromMinutes(10));
        var replayInside = await send();
        time.Advance(TimeSpan.FromMinutes(6));
        var replayAfter = await send();

        first.ShouldSucceed();
        replayInside.ShouldSucceed();
        replayAfter.ShouldFail(HttpStatusCode.Forbidden, "SignatureDoesNotMatch");
        Assert.StartsWith("Signature expired: ", replayAfter.ErrorMessage);
        // The refused replay sent no third verification mail.
        Assert.Equal(2, aws.Server.Mailbox().Count(m => m.Recipients.Contains("replay@example.com")));
    }

    [Fact]
    public async Task ScopeForAnotherServiceIsRefused()
    {
        await using var aws = await LocalAwsFixture.StartAsync();

        var route53ScopeToSes = await aws.SesSignedAsync(Signing.Default with { Service = "route53" }, "ListIdentities");
        var sesScopeToRoute53 = await aws.Route53SignedAsync(Signing.Default with { Service = "ses" }, HttpMethod.Get, "/2013-04-01/hostedzone");
        var olderSdksEmailScope = await aws.SesSignedAsync(Signing.Default with { Service = "email" }, "ListIdentities");

        route53ScopeToSes.ShouldFail(HttpStatusCode.Forbidden, "SignatureDoesNotMatch");
        Assert.Equal("Credential should be scoped to correct service: 'ses'. ", route53ScopeToSes.ErrorMessage);
        Assert.Equal(AwsAnswer.Ses, route53ScopeToSes.Ns);
        sesScopeToRoute53.ShouldFail(HttpStatusCode.Forbidden, "SignatureDoesNotMatch");
        Assert.Equal("Credential should be scoped to correct service: 'route53'. ", sesScopeToRoute53.ErrorMessage);
        olderSdksEmailScope.ShouldSucceed();
    }

    [Fact]
    public async Task RegionThatDoesNotExistIsRefused()
    {
        await using var aws = await LocalAwsFixture.StartAsync();

        var ses = await aws.SesSignedAsync(Signing.Default with { Region = "xx-nowhere-1" }, "ListIdentities");
        var sts = await aws.StsSignedAsync(Signing.Default with { Region = "xx-nowhere-1" }, "GetCallerIdentity");
        var route53 = await aws.Route53SignedAsync(Signing.Default with { Region = "eu-west-1" }, HttpMethod.Get, "/2013-04-01/hostedzone");
        var sesInAnotherRealRegion = await aws.SesSignedAsync(Signing.Default with { Region = "ap-southeast-2" }, "ListIdentities");

        ses.ShouldFail(HttpStatusCode.Forbidden, "SignatureDoesNotMatch");
        Assert.Equal("Credential should be scoped to a valid region, not 'xx-nowhere-1'. ", ses.ErrorMessage);
        sts.ShouldFail(HttpStatusCode.Forbidden, "SignatureDoesNotMatch");
        route53.ShouldFail(HttpStatusCode.Forbidden, "SignatureDoesNotMatch");
        Assert.Equal("Credential should be scoped to a valid region, not 'eu-west-1'. ", route53.ErrorMessage);
        sesInAnotherRealRegion.ShouldSucceed();
    }

    [Fact]
    public async Task AwsCliSigningForARegionThatDoesNotExistIsRefused()
    {
        await using var aws = await LocalAwsFixture.StartAsync();

        var result = await RealClient.AwsAsync(aws.Endpoint, "ses", "list-identities", "--region", "xx-nowhere-1");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("(SignatureDoesNotMatch)", result.Stderr);
        Assert.Contains("Credential should be scoped to a valid region, not 'xx-nowhere-1'.", result.Stderr);
    }

    [Fact]
    public async Task DateThatIsNotIsoBasicFormatIsAnIncompleteSignature()
    {
        await using var aws = await LocalAwsFixture.StartAsync();
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, aws.Endpoint)
        {
            Content = new StringContent("Action=ListIdentities&Version=2010-12-01", Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.TryAddWithoutValidation("X-Amz-Date", "20261201T25:00:00");
        request.Headers.TryAddWithoutValidation("Authorization",
            "AWS4-HMAC-SHA256 Credential=test/20261201/us-east-1/ses/aws4_request, SignedHeaders=host;x-amz-date, Signature=00");

        using var response = await http.SendAsync(request);
        var answer = new AwsAnswer(response.StatusCode, XDocument.Parse(await response.Content.ReadAsStringAsync()));

        answer.ShouldFail(HttpStatusCode.Forbidden, "IncompleteSignature");
        Assert.Equal("Date must be in ISO-8601 'basic format'. Got '20261201T25:00:00'. See http://en.wikipedia.org/wiki/ISO_8601", answer.ErrorMessage);
    }

    [Fact]
    public void SigningRegionsAreTheRegionsOfBotocoresEndpoints()
    {
        using var endpoints = JsonDocument.Parse(File.ReadAllText("/usr/lib/python3/dist-packages/botocore/data/endpoints.json"));
        // A regional service's endpoint names are its regions; a global one's are its credential-scope regions.
        SortedSet<string> Regions(string service, bool scopeOnly) => new(
            endpoints.RootElement.GetProperty("partitions").EnumerateArray()
                .Where(p => p.GetProperty("services").TryGetProperty(service, out _))
                .SelectMany(p => p.GetProperty("services").GetProperty(service).GetProperty("endpoints").EnumerateObject())
                .Select(e => e.Value.TryGetProperty("credentialScope", out var scope) ? scope.GetProperty("region").GetString()! : scopeOnly ? null : e.Name)
                .OfType<string>(),
            StringComparer.Ordinal);

        Assert.Equal(Regions("email", scopeOnly: false), new SortedSet<string>(SigningService.Ses.Regions, StringComparer.Ordinal));
        Assert.Equal(Regions("route53", scopeOnly: true), new SortedSet<string>(SigningService.Route53.Regions, StringComparer.Ordinal));
        Assert.Equal(Regions("sts", scopeOnly: false), new SortedSet<string>(SigningService.Sts.Regions, StringComparer.Ordinal));
    }

    [Fact]
    public async Task ListensOnLoopbackOnly()
    {
        await using var aws = await LocalAwsFixture.StartAsync();

        Assert.Equal(IPAddress.Loopback.ToString(), aws.Endpoint.Host);
    }
}
