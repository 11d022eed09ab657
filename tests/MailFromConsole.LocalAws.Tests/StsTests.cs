using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using MailFromConsole.LocalAws.Sts;
using MailFromConsole.LocalAws.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace MailFromConsole.LocalAws.Tests;

/// <summary>The local STS over loopback HTTP: who a key is, roles, and the temporary credentials SES and Route 53 accept.</summary>
public sealed class StsTests
{
    private const string ModelPath = "/usr/lib/python3/dist-packages/botocore/data/sts/2011-06-15/service-2.json";

    private static Task<LocalAwsFixture> StartAsync(FakeTimeProvider? time = null) => LocalAwsFixture.StartAsync(TwoAccounts.Configure, time);

    private static Task<AwsAnswer> AssumeAsync(LocalAwsFixture aws, string roleArn, params (string Name, string Value)[] more) =>
        aws.StsAsync("AssumeRole", [("RoleArn", roleArn), ("RoleSessionName", "console"), .. more]);

    [Fact]
    public async Task GetCallerIdentityNamesTheRootUserOfTheKeysAccount()
    {
        await using var aws = await StartAsync();

        var defaultAccount = await aws.StsAsync("GetCallerIdentity");
        var accountB = await aws.StsSignedAsync(TwoAccounts.KeyB, "GetCallerIdentity");

        defaultAccount.ShouldSucceed();
        Assert.Equal(StsNames.Namespace, defaultAccount.Ns);
        Assert.Equal(("000000000000", "arn:aws:iam::000000000000:root", "000000000000"),
            (defaultAccount.Value("Account"), defaultAccount.Value("Arn"), defaultAccount.Value("UserId")));
        Assert.Equal(("111111111111", "arn:aws:iam::111111111111:root"), (accountB.Value("Account"), accountB.Value("Arn")));
    }

    [Fact]
    public async Task AssumedRoleCredentialsActInTheRolesAccountOnSesRoute53AndSts()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var aws = await StartAsync(time);

        var assumed = await AssumeAsync(aws, TwoAccounts.RoleB);
        var role = Signing.FromAssumeRole(assumed);
        var identity = await aws.StsSignedAsync(role, "GetCallerIdentity");
        var ses = await aws.SesSignedAsync(role, "ListIdentities");
        var route53 = await aws.Route53SignedAsync(role, HttpMethod.Get, "/2013-04-01/hostedzone");

        assumed.ShouldSucceed();
        Assert.Matches("^ASIA[A-Z2-7]{16}$", role.AccessKey);
        Assert.Equal(40, role.Secret.Length);
        var expiration = DateTimeOffset.Parse(assumed.Value("Expiration")!, CultureInfo.InvariantCulture);
        Assert.InRange(expiration - time.GetUtcNow(), TimeSpan.FromSeconds(3599), TimeSpan.FromSeconds(3600));
        Assert.Equal("arn:aws:sts::111111111111:assumed-role/ConsoleRoute53/console", assumed.Value("Arn"));
        Assert.Matches("^AROA[0-9A-F]{17}:console$", assumed.Value("AssumedRoleId"));
        Assert.Equal(("111111111111", "arn:aws:sts::111111111111:assumed-role/ConsoleRoute53/console", assumed.Value("AssumedRoleId")),
            (identity.Value("Account"), identity.Value("Arn"), identity.Value("UserId")));
        ses.ShouldSucceed();
        route53.ShouldSucceed();
    }

    [Fact]
    public async Task TemporaryCredentialsAreRefusedOnceExpired()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var aws = await StartAsync(time);
        var role = Signing.FromAssumeRole(await AssumeAsync(aws, TwoAccounts.RoleB, ("DurationSeconds", "900")));

        time.Advance(TimeSpan.FromSeconds(899));
        var stillValid = await aws.SesSignedAsync(role, "ListIdentities");
        time.Advance(TimeSpan.FromSeconds(2));
        var ses = await aws.SesSignedAsync(role, "ListIdentities");
        var route53 = await aws.Route53SignedAsync(role, HttpMethod.Get, "/2013-04-01/hostedzone");
        var sts = await aws.StsSignedAsync(role, "GetCallerIdentity");

        stillValid.ShouldSucceed();
        foreach (var answer in new[] { ses, route53, sts })
        {
            answer.ShouldFail(HttpStatusCode.Forbidden, "ExpiredToken");
            Assert.Equal("The security token included in the request is expired", answer.ErrorMessage);
        }
    }

    [Fact]
    public async Task TemporaryCredentialsWorkOnlyWithTheirOwnSessionToken()
    {
        await using var aws = await StartAsync();
        var role = Signing.FromAssumeRole(await AssumeAsync(aws, TwoAccounts.RoleB));
        var other = Signing.FromAssumeRole(await AssumeAsync(aws, TwoAccounts.RoleB));

        var wrong = await aws.SesSignedAsync(role with { SessionToken = role.SessionToken + "x" }, "ListIdentities");
        var missing = await aws.SesSignedAsync(role with { SessionToken = null }, "ListIdentities");
        var another = await aws.Route53SignedAsync(role with { SessionToken = other.SessionToken }, HttpMethod.Get, "/2013-04-01/hostedzone");
        var onLongTermKey = await aws.SesSignedAsync(Signing.Default with { SessionToken = role.SessionToken }, "ListIdentities");

        foreach (var answer in new[] { wrong, missing, another, onLongTermKey })
        {
            answer.ShouldFail(HttpStatusCode.Forbidden, "InvalidClientTokenId");
            Assert.Equal("The security token included in the request is invalid.", answer.ErrorMessage);
        }
    }

    [Fact]
    public async Task AssumeRoleIsDeniedForAnUnknownRoleAnUntrustedAccountOrAWrongExternalId()
    {
        await using var aws = await StartAsync();

        var unknown = await AssumeAsync(aws, "arn:aws:iam::111111111111:role/Missing");
        var untrusted = await aws.StsSignedAsync(TwoAccounts.KeyB, "AssumeRole", ("RoleArn", TwoAccounts.DefaultAccountOnlyRole), ("RoleSessionName", "from-b"));
        var noExternalId = await AssumeAsync(aws, TwoAccounts.RoleBWithExternalId);
        var wrongExternalId = await AssumeAsync(aws, TwoAccounts.RoleBWithExternalId, ("ExternalId", "guess"));
        var rightExternalId = await AssumeAsync(aws, TwoAccounts.RoleBWithExternalId, ("ExternalId", TwoAccounts.ExternalId));

        unknown.ShouldFail(HttpStatusCode.Forbidden, "AccessDenied");
        Assert.Equal("User: arn:aws:iam::000000000000:root is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::111111111111:role/Missing",
            unknown.ErrorMessage);
        untrusted.ShouldFail(HttpStatusCode.Forbidden, "AccessDenied");
        Assert.Equal($"User: arn:aws:iam::111111111111:root is not authorized to perform: sts:AssumeRole on resource: {TwoAccounts.DefaultAccountOnlyRole}",
            untrusted.ErrorMessage);
        noExternalId.ShouldFail(HttpStatusCode.Forbidden, "AccessDenied");
        wrongExternalId.ShouldFail(HttpStatusCode.Forbidden, "AccessDenied");
        rightExternalId.ShouldSucceed();
        Assert.Equal("arn:aws:sts::111111111111:assumed-role/ConsoleRoute53Strict/console", rightExternalId.Value("Arn"));
    }

    [Fact]
    public async Task AssumeRoleChecksDurationAndSessionNameAsTheModelConstrainsThem()
    {
        await using var aws = await StartAsync();

        var tooShort = await AssumeAsync(aws, TwoAccounts.RoleB, ("DurationSeconds", "899"));
        var overRoleMaximum = await AssumeAsync(aws, TwoAccounts.RoleB, ("DurationSeconds", "3601"));
        var withinLongerMaximum = await AssumeAsync(aws, TwoAccounts.RoleBWithExternalId, ("ExternalId", TwoAccounts.ExternalId), ("DurationSeconds", "7200"));
        var shortName = await aws.StsAsync("AssumeRole", ("RoleArn", TwoAccounts.RoleB), ("RoleSessionName", "a"));
        var badName = await aws.StsAsync("AssumeRole", ("RoleArn", TwoAccounts.RoleB), ("RoleSessionName", "two words"));
        var noName = await aws.StsAsync("AssumeRole", ("RoleArn", TwoAccounts.RoleB));

        tooShort.ShouldFail(HttpStatusCode.BadRequest, "ValidationError");
        Assert.Equal("1 validation error detected: Value '899' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900",
            tooShort.ErrorMessage);
        overRoleMaximum.ShouldFail(HttpStatusCode.BadRequest, "ValidationError");
        Assert.Equal("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.", overRoleMaximum.ErrorMessage);
        withinLongerMaximum.ShouldSucceed();
        shortName.ShouldFail(HttpStatusCode.BadRequest, "ValidationError");
        Assert.Equal("1 validation error detected: Value 'a' at 'roleSessionName' failed to satisfy constraint: Member must have length greater than or equal to 2",
            shortName.ErrorMessage);
        badName.ShouldFail(HttpStatusCode.BadRequest, "ValidationError");
        Assert.Equal(@"1 validation error detected: Value 'two words' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\w+=,.@-]*",
            badName.ErrorMessage);
        noName.ShouldFail(HttpStatusCode.BadRequest, "MissingParameter");
    }

    [Fact]
    public async Task UnsignedStsCallIsRefusedInStsNamespace()
    {
        await using var aws = await StartAsync();
        using var http = new HttpClient();

        using var response = await http.PostAsync(aws.Endpoint, new StringContent("Action=GetCallerIdentity&Version=2011-06-15",
            Encoding.UTF8, "application/x-www-form-urlencoded"));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("<Code>MissingAuthenticationToken</Code>", text);
        Assert.Contains($"xmlns=\"{StsNames.Namespace}\"", text);
    }

    [Fact]
    public async Task StsActionTheLocalAwsLacksIsInvalidAction()
    {
        await using var aws = await StartAsync();

        var answer = await aws.StsAsync("GetSessionToken");

        answer.ShouldFail(HttpStatusCode.BadRequest, "InvalidAction");
        Assert.Equal(StsNames.Namespace, answer.Ns);
    }

    [Fact]
    public void StsWireNamesAreTheBotocoreModels()
    {
        using var model = JsonDocument.Parse(File.ReadAllText(ModelPath));
        var root = model.RootElement;
        var shapes = root.GetProperty("shapes");
        string[] Members(string shape) => [.. shapes.GetProperty(shape).GetProperty("members").EnumerateObject().Select(m => m.Name).Order()];

        Assert.Equal(root.GetProperty("metadata").GetProperty("xmlNamespace").GetString(), StsNames.Namespace.NamespaceName);
        Assert.Equal(StsNames.Version, root.GetProperty("metadata").GetProperty("apiVersion").GetString());
        Assert.Equal(root.GetProperty("operations").EnumerateObject().Select(o => o.Name).Order(), StsNames.ModelActions.Order());
        Assert.Subset(StsNames.ModelActions.ToHashSet(), StsNames.Actions.ToHashSet());
        Assert.Equal(["Account", "Arn", "UserId"], Members("GetCallerIdentityResponse"));
        Assert.Equal(["AccessKeyId", "Expiration", "SecretAccessKey", "SessionToken"], Members("Credentials"));
        Assert.Equal(["Arn", "AssumedRoleId"], Members("AssumedRoleUser"));
        Assert.Contains("ExternalId", Members("AssumeRoleRequest"));
        Assert.Contains("DurationSeconds", Members("AssumeRoleRequest"));
    }
}
