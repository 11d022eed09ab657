using System.Net;
using System.Text.Json.Nodes;
using MailFromConsole.LocalAws.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using static MailFromConsole.LocalAws.Tests.Support.Route53Xml;

namespace MailFromConsole.LocalAws.Tests;

/// <summary>The SES API v2 identity operations over loopback HTTP, on the same identities the Query API (v1) sees.</summary>
public sealed class SesV2IdentityTests
{
    private const string Identities = "/v2/email/identities";

    private static string Body(JsonObject json) => json.ToJsonString();

    private static string IdentityPath(string identity) => $"{Identities}/{Uri.EscapeDataString(identity)}";

    [Fact]
    public async Task CreatedDomainHasEasyDkimTokensThatTheQueryApiSeesToo()
    {
        await using var aws = await LocalAwsFixture.StartAsync();

        var created = await aws.SesV2Async(HttpMethod.Post, Identities, Body(new() { ["EmailIdentity"] = "New.Example.com" }));
        var v1 = await aws.SesAsync("GetIdentityDkimAttributes", ("Identities.member.1", "new.example.com"));
        var list = await aws.SesAsync("ListIdentities", ("IdentityType", "Domain"));

        created.ShouldSucceed();
        Assert.Equal("DOMAIN", created.Text("IdentityType"));
        Assert.False(created.Node("VerifiedForSendingStatus")!.GetValue<bool>());
        Assert.Equal("PENDING", created.Text("DkimAttributes.Status"));
        Assert.True(created.Node("DkimAttributes.SigningEnabled")!.GetValue<bool>());
        var tokens = created.Node("DkimAttributes.Tokens")!.AsArray().Select(t => t!.GetValue<string>()).ToList();
        Assert.Equal(3, tokens.Count);
        Assert.Equal(tokens, v1.Map("DkimAttributes")["new.example.com"].Descendants(AwsAnswer.Ses + "member").Select(m => m.Value));
        Assert.Contains("new.example.com", list.All("member").Select(m => m.Value));
    }

    [Fact]
    public async Task CreatedAddressGetsTheVerificationMailAndIsVerifiedByItsLink()
    {
        await using var aws = await LocalAwsFixture.StartAsync();

        var created = await aws.SesV2Async(HttpMethod.Post, Identities, Body(new() { ["EmailIdentity"] = "new@spf-conflict.test" }));
        var pending = await aws.SesV2Async(HttpMethod.Get, IdentityPath("new@spf-conflict.test"));
        var mail = Assert.Single(aws.Server.Mailbox(), m => m.Recipients.Contains("new@spf-conflict.test"));
        using var verified = await aws.GetAsync("/_local/verify?token=" + Uri.EscapeDataString(mail.VerifyToken!));
        var after = await aws.SesV2Async(HttpMethod.Get, IdentityPath("new@spf-conflict.test"));

        created.ShouldSucceed();
        Assert.Equal("EMAIL_ADDRESS", created.Text("IdentityType"));
        Assert.Equal("NOT_STARTED", created.Text("DkimAttributes.Status"));
        Assert.Equal("PENDING", pending.Text("VerificationStatus"));
        Assert.Equal("SUCCESS", after.Text("VerificationStatus"));
        Assert.True(after.Node("VerifiedForSendingStatus")!.GetValue<bool>());
    }

    [Fact]
    public async Task CreatingAnIdentityThatExistsIsAlreadyExistsInAwsWording()
    {
        await using var aws = await LocalAwsFixture.StartAsync();

        var again = await aws.SesV2Async(HttpMethod.Post, Identities, Body(new() { ["EmailIdentity"] = "example.com" }));
        var invalid = await aws.SesV2Async(HttpMethod.Post, Identities, Body(new() { ["EmailIdentity"] = "bad domain.com" }));
        var missing = await aws.SesV2Async(HttpMethod.Post, Identities, "{}");
        var notJson = await aws.SesV2Async(HttpMethod.Post, Identities, "{\"EmailIdentity\":");

        again.ShouldFail(HttpStatusCode.BadRequest, "AlreadyExistsException");
        Assert.Equal("Email identity example.com already exist.", again.Message);
        invalid.ShouldFail(HttpStatusCode.BadRequest, "BadRequestException");
        missing.ShouldFail(HttpStatusCode.BadRequest, "BadRequestException");
        notJson.ShouldFail(HttpStatusCode.BadRequest, "BadRequestException");
    }

    [Fact]
    public async Task MailFromSetThroughTheQueryApiReadsBackInV2Enums()
    {
        await using var aws = await LocalAwsFixture.StartAsync();
        (await aws.SesAsync("SetIdentityMailFromDomain", ("Identity", "example.com"), ("MailFromDomain", "mail.example.com"),
            ("BehaviorOnMXFailure", "RejectMessage"))).ShouldSucceed();

        var pending = await aws.SesV2Async(HttpMethod.Get, IdentityPath("example.com"));
        var ready = await aws.SesV2Async(HttpMethod.Get, IdentityPath(LocalAwsSeeds.ReadyDomain));
        var none = await aws.SesV2Async(HttpMethod.Get, IdentityPath(LocalAwsSeeds.ExampleEmail));

        Assert.Equal("mail.example.com", pending.Text("MailFromAttributes.MailFromDomain"));
        Assert.Equal("PENDING", pending.Text("MailFromAttributes.MailFromDomainStatus"));
        Assert.Equal("REJECT_MESSAGE", pending.Text("MailFromAttributes.BehaviorOnMxFailure"));
        Assert.Equal("SUCCESS", pending.Text("VerificationStatus"));
        Assert.Equal("SUCCESS", ready.Text("MailFromAttributes.MailFromDomainStatus"));
        Assert.Equal("USE_DEFAULT_VALUE", none.Text("MailFromAttributes.BehaviorOnMxFailure"));
        Assert.Null(none.Node("MailFromAttributes.MailFromDomain"));
        Assert.Equal("EMAIL_ADDRESS", none.Text("IdentityType"));
    }

    [Fact]
    public async Task MailFromPutThroughV2IsWhatTheQueryApiReports()
    {
        await using var aws = await LocalAwsFixture.StartAsync();

        (await aws.SesV2Async(HttpMethod.Put, IdentityPath("example.com") + "/mail-from",
            Body(new() { ["MailFromDomain"] = "Bounce.Example.com", ["BehaviorOnMxFailure"] = "REJECT_MESSAGE" }))).ShouldSucceed();
        var v1 = await aws.SesAsync("GetIdentityMailFromDomainAttributes", ("Identities.member.1", "example.com"));
        (await aws.SesV2Async(HttpMethod.Put, IdentityPath("example.com") + "/mail-from", "{}")).ShouldSucceed();
        var disabled = await aws.SesV2Async(HttpMethod.Get, IdentityPath("example.com"));

        var attributes = v1.Map("MailFromDomainAttributes")["example.com"];
        Assert.Equal("bounce.example.com", attributes.Element(AwsAnswer.Ses + "MailFromDomain")?.Value);
        Assert.Equal("Pending", attributes.Element(AwsAnswer.Ses + "MailFromDomainStatus")?.Value);
        Assert.Equal("RejectMessage", attributes.Element(AwsAnswer.Ses + "BehaviorOnMXFailure")?.Value);
        Assert.Null(disabled.Node("MailFromAttributes.MailFromDomain"));
    }

    [Fact]
    public async Task MailFromErrorsAreBadRequestOrNotFound()
    {
        await using var aws = await LocalAwsFixture.StartAsync();

        var notSubdomain = await aws.SesV2Async(HttpMethod.Put, IdentityPath("example.com") + "/mail-from",
            Body(new() { ["MailFromDomain"] = "mail.example.org" }));
        var badBehaviour = await aws.SesV2Async(HttpMethod.Put, IdentityPath("example.com") + "/mail-from",
            Body(new() { ["MailFromDomain"] = "mail.example.com", ["BehaviorOnMxFailure"] = "RejectMessage" }));
        var unknown = await aws.SesV2Async(HttpMethod.Put, IdentityPath("nobody.test") + "/mail-from",
            Body(new() { ["MailFromDomain"] = "mail.nobody.test" }));

        notSubdomain.ShouldFail(HttpStatusCode.BadRequest, "BadRequestException");
        Assert.Equal("Provided MAIL-FROM domain <mail.example.org> is not subdomain of the domain of the identity <example.com>.", notSubdomain.Message);
        badBehaviour.ShouldFail(HttpStatusCode.BadRequest, "BadRequestException");
        unknown.ShouldFail(HttpStatusCode.NotFound, "NotFoundException");
    }

    [Fact]
    public async Task MailFromCanBeSetRightAfterCreatingAnIdentityAndIsCheckedOnceVerified()
    {
        await using var aws = await LocalAwsFixture.StartAsync();
        (await aws.SesV2Async(HttpMethod.Post, Identities, Body(new() { ["EmailIdentity"] = "fresh.example.com" }))).ShouldSucceed();

        var put = await aws.SesV2Async(HttpMethod.Put, IdentityPath("fresh.example.com") + "/mail-from",
            Body(new() { ["MailFromDomain"] = "mail.fresh.example.com" }));

        put.ShouldSucceed();
        Assert.DoesNotContain(aws.Server.DetectionStore.MailFromSetups(), s => s.Identity == "fresh.example.com");
    }

    [Fact]
    public async Task ListsEveryIdentityInPagesOfPageSize()
    {
        await using var aws = await LocalAwsFixture.StartAsync();

        var names = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await aws.SesV2Async(HttpMethod.Get, $"{Identities}?PageSize=3" + (token is null ? "" : "&NextToken=" + Uri.EscapeDataString(token)));
            page.ShouldSucceed();
            Assert.True(page.Node("EmailIdentities")!.AsArray().Count <= 3);
            names.AddRange(page.Node("EmailIdentities")!.AsArray().Select(i => i!["IdentityName"]!.GetValue<string>()));
            token = page.Text("NextToken");
            pages++;
        }
        while (token is not null);
        var v1 = await aws.SesAsync("ListIdentities");
        var tooBig = await aws.SesV2Async(HttpMethod.Get, $"{Identities}?PageSize=1001");

        Assert.Equal(v1.All("member").Select(m => m.Value), names);
        Assert.Equal((names.Count + 2) / 3, pages);
        tooBig.ShouldFail(HttpStatusCode.BadRequest, "BadRequestException");
    }

    [Fact]
    public async Task ListShowsTypeSendingAndVerificationStatus()
    {
        await using var aws = await LocalAwsFixture.StartAsync();

        var page = await aws.SesV2Async(HttpMethod.Get, Identities);

        var items = page.Node("EmailIdentities")!.AsArray().ToDictionary(i => i!["IdentityName"]!.GetValue<string>(), i => i!);
        Assert.Equal("DOMAIN", (string?)items[LocalAwsSeeds.PendingDomain]["IdentityType"]);
        Assert.Equal("PENDING", (string?)items[LocalAwsSeeds.PendingDomain]["VerificationStatus"]);
        Assert.False((bool)items[LocalAwsSeeds.PendingDomain]["SendingEnabled"]!);
        Assert.Equal("FAILED", (string?)items[LocalAwsSeeds.FailedDomain]["VerificationStatus"]);
        Assert.True((bool)items[LocalAwsSeeds.ExampleEmail]["SendingEnabled"]!);
        Assert.Equal("EMAIL_ADDRESS", (string?)items[LocalAwsSeeds.ExampleEmail]["IdentityType"]);
    }

    [Fact]
    public async Task DeleteRemovesTheIdentityForBothApisAndTheSecondDeleteIsNotFound()
    {
        await using var aws = await LocalAwsFixture.StartAsync();

        var deleted = await aws.SesV2Async(HttpMethod.Delete, IdentityPath(LocalAwsSeeds.ExampleEmail));
        var again = await aws.SesV2Async(HttpMethod.Delete, IdentityPath(LocalAwsSeeds.ExampleEmail));
        var get = await aws.SesV2Async(HttpMethod.Get, IdentityPath(LocalAwsSeeds.ExampleEmail));
        var v1 = await aws.SesAsync("ListIdentities");

        deleted.ShouldSucceed();
        again.ShouldFail(HttpStatusCode.NotFound, "NotFoundException");
        get.ShouldFail(HttpStatusCode.NotFound, "NotFoundException");
        Assert.DoesNotContain(LocalAwsSeeds.ExampleEmail, v1.All("member").Select(m => m.Value));
    }

    [Fact]
    public async Task DkimSigningSwitchedInV2IsWhatTheQueryApiReports()
    {
        await using var aws = await LocalAwsFixture.StartAsync();
        (await aws.SesV2Async(HttpMethod.Post, Identities, Body(new() { ["EmailIdentity"] = "signed.example.com" }))).ShouldSucceed();

        (await aws.SesV2Async(HttpMethod.Put, IdentityPath("signed.example.com") + "/dkim", Body(new() { ["SigningEnabled"] = false }))).ShouldSucceed();
        var v1 = await aws.SesAsync("GetIdentityDkimAttributes", ("Identities.member.1", "signed.example.com"));
        var noDkim = await aws.SesV2Async(HttpMethod.Put, IdentityPath("spf-conflict.test") + "/dkim", Body(new() { ["SigningEnabled"] = true }));
        var notABoolean = await aws.SesV2Async(HttpMethod.Put, IdentityPath("signed.example.com") + "/dkim", Body(new() { ["SigningEnabled"] = "yes" }));

        Assert.Equal("false", v1.Map("DkimAttributes")["signed.example.com"].Element(AwsAnswer.Ses + "DkimEnabled")?.Value);
        noDkim.ShouldFail(HttpStatusCode.BadRequest, "BadRequestException");
        notABoolean.ShouldFail(HttpStatusCode.BadRequest, "BadRequestException");
    }

    [Fact]
    public async Task TagsAreSetOnCreateAddedListedAndRemovedByArn()
    {
        await using var aws = await LocalAwsFixture.StartAsync();
        const string arn = "arn:aws:ses:us-east-1:000000000000:identity/tagged.example.com";
        (await aws.SesV2Async(HttpMethod.Post, Identities, Body(new()
        {
            ["EmailIdentity"] = "tagged.example.com",
            ["Tags"] = new JsonArray(new JsonObject { ["Key"] = "team", ["Value"] = "mail" }, new JsonObject { ["Key"] = "env", ["Value"] = "dev" }),
        }))).ShouldSucceed();

        (await aws.SesV2Async(HttpMethod.Post, "/v2/email/tags", Body(new()
        {
            ["ResourceArn"] = arn,
            ["Tags"] = new JsonArray(new JsonObject { ["Key"] = "env", ["Value"] = "prod" }, new JsonObject { ["Key"] = "owner", ["Value"] = "ops@example.com" }),
        }))).ShouldSucceed();
        (await aws.SesV2Async(HttpMethod.Delete, "/v2/email/tags?ResourceArn=" + Uri.EscapeDataString(arn) + "&TagKeys=team")).ShouldSucceed();
        var listed = await aws.SesV2Async(HttpMethod.Get, "/v2/email/tags?ResourceArn=" + Uri.EscapeDataString(arn));
        var onIdentity = await aws.SesV2Async(HttpMethod.Get, IdentityPath("tagged.example.com"));

        var expected = """[{"Key":"env","Value":"prod"},{"Key":"owner","Value":"ops@example.com"}]""";
        Assert.Equal(expected, listed.Node("Tags")!.ToJsonString());
        Assert.Equal(expected, onIdentity.Node("Tags")!.ToJsonString());
    }

    [Fact]
    public async Task TagOperationsRefuseUnknownResourcesAndBadTags()
    {
        await using var aws = await LocalAwsFixture.StartAsync();

        var otherRegion = await aws.SesV2Async(HttpMethod.Get, "/v2/email/tags?ResourceArn=" + Uri.EscapeDataString("arn:aws:ses:eu-west-1:000000000000:identity/example.com"));
        var unknown = await aws.SesV2Async(HttpMethod.Get, "/v2/email/tags?ResourceArn=" + Uri.EscapeDataString("arn:aws:ses:us-east-1:000000000000:identity/nobody.test"));
        var notAnArn = await aws.SesV2Async(HttpMethod.Get, "/v2/email/tags?ResourceArn=example.com");
        var badKey = await aws.SesV2Async(HttpMethod.Post, "/v2/email/tags", Body(new()
        {
            ["ResourceArn"] = "arn:aws:ses:us-east-1:000000000000:identity/example.com",
            ["Tags"] = new JsonArray(new JsonObject { ["Key"] = "a\nb", ["Value"] = "x" }),
        }));

        otherRegion.ShouldFail(HttpStatusCode.NotFound, "NotFoundException");
        unknown.ShouldFail(HttpStatusCode.NotFound, "NotFoundException");
        notAnArn.ShouldFail(HttpStatusCode.BadRequest, "BadRequestException");
        badKey.ShouldFail(HttpStatusCode.BadRequest, "BadRequestException");
    }

    [Fact]
    public async Task IdentitiesAreKeptPerRegion()
    {
        await using var aws = await LocalAwsFixture.StartAsync();

        var inEurope = await aws.SesV2InRegionAsync(LocalAwsSeeds.OtherRegion, HttpMethod.Get, IdentityPath(LocalAwsSeeds.OtherRegionEmail));
        var inUsEast = await aws.SesV2Async(HttpMethod.Get, IdentityPath(LocalAwsSeeds.OtherRegionEmail));

        inEurope.ShouldSucceed();
        inUsEast.ShouldFail(HttpStatusCode.NotFound, "NotFoundException");
    }

    [Fact]
    public async Task UnsignedOrUnknownRequestsGetJsonErrors()
    {
        await using var aws = await LocalAwsFixture.StartAsync();

        using var unsigned = await aws.GetAsync(Identities);
        var unknown = await aws.SesV2Async(HttpMethod.Get, "/v2/email/no-such-thing");

        Assert.Equal(HttpStatusCode.Forbidden, unsigned.StatusCode);
        Assert.Equal("MissingAuthenticationToken", unsigned.Headers.GetValues("x-amzn-ErrorType").Single());
        Assert.NotNull(JsonNode.Parse(await unsigned.Content.ReadAsStringAsync())!["message"]);
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
    }

    [Fact]
    public async Task MailFromWhoseMxIsDeletedAfterSuccessReadsFailedInBothApis()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var aws = await LocalAwsFixture.StartAsync(o => o.EnableDnsAndDetection = true, time);
        var zone = await ZoneIdAsync(aws, "example.net.");
        await aws.DetectionPassAsync();
        var before = (await aws.SesV2Async(HttpMethod.Get, IdentityPath(LocalAwsSeeds.ReadyDomain))).Text("MailFromAttributes.MailFromDomainStatus");

        (await aws.Route53Async(HttpMethod.Post, $"/2013-04-01/hostedzone/{zone}/rrset/", Batch(
            Change("DELETE", LocalAwsSeeds.ReadyMailFromDomain, "MX", 300, "10 feedback-smtp.us-east-1.amazonses.com")))).ShouldSucceed();
        await aws.DetectionPassAsync();

        var v2 = await aws.SesV2Async(HttpMethod.Get, IdentityPath(LocalAwsSeeds.ReadyDomain));
        var v1 = await aws.SesAsync("GetIdentityMailFromDomainAttributes", ("Identities.member.1", LocalAwsSeeds.ReadyDomain));
        Assert.Equal("SUCCESS", before);
        Assert.Equal("FAILED", v2.Text("MailFromAttributes.MailFromDomainStatus"));
        Assert.Equal("Failed", v1.Map("MailFromDomainAttributes")[LocalAwsSeeds.ReadyDomain].Element(AwsAnswer.Ses + "MailFromDomainStatus")?.Value);
    }
}
