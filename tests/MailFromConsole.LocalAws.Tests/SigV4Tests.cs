using System.Net;
using System.Text;
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

    [Fact]
    public async Task ListensOnLoopbackOnly()
    {
        await using var aws = await LocalAwsFixture.StartAsync();

        Assert.Equal(IPAddress.Loopback.ToString(), aws.Endpoint.Host);
    }
}
