using System.Net;
using System.Text.RegularExpressions;
using MailFromConsole.LocalAws.Tests.Support;

namespace MailFromConsole.LocalAws.Tests;

public sealed partial class SesIdentityTests
{
    [Fact]
    public async Task ListsIdentitiesByTypeInPagesWithNextToken()
    {
        await using var aws = await LocalAwsFixture.StartAsync();

        var first = await aws.SesAsync("ListIdentities", ("IdentityType", "Domain"), ("MaxItems", "4"));
        var second = await aws.SesAsync("ListIdentities", ("IdentityType", "Domain"), ("MaxItems", "4"), ("NextToken", first.Value("NextToken")!));
        var emails = await aws.SesAsync("ListIdentities", ("IdentityType", "EmailAddress"));

        var domains = first.All("member").Concat(second.All("member")).Select(m => m.Value).ToList();
        Assert.Equal(4, first.All("member").Count());
        Assert.Null(second.Value("NextToken"));
        Assert.Equal(["example.com", "example.net", "example.org", "failed.test", "pending.test", "spf-conflict.test", "two-mx.test"], domains);
        Assert.Equal([LocalAwsSeeds.ExampleEmail], emails.All("member").Select(m => m.Value));
    }

    [Fact]
    public async Task VerifyDomainIdentityReturnsATokenAndStaysPendingUntilPublished()
    {
        await using var aws = await LocalAwsFixture.StartAsync();

        var verify = await aws.SesAsync("VerifyDomainIdentity", ("Domain", "Shop.Example.com."));
        var again = await aws.SesAsync("VerifyDomainIdentity", ("Domain", "shop.example.com"));
        var attributes = await aws.SesAsync("GetIdentityVerificationAttributes", ("Identities.member.1", "shop.example.com"));

        var token = verify.Value("VerificationToken");
        Assert.False(string.IsNullOrEmpty(token));
        Assert.Equal(token, again.Value("VerificationToken"));
        var value = attributes.Map("VerificationAttributes")["shop.example.com"];
        Assert.Equal("Pending", value.Element(AwsAnswer.Ses + "VerificationStatus")?.Value);
        Assert.Equal(token, value.Element(AwsAnswer.Ses + "VerificationToken")?.Value);
    }

    [Fact]
    public async Task RejectsAnInvalidDomainOrAddress()
    {
        await using var aws = await LocalAwsFixture.StartAsync();

        var domain = await aws.SesAsync("VerifyDomainIdentity", ("Domain", "bad domain.com"));
        var address = await aws.SesAsync("VerifyEmailIdentity", ("EmailAddress", "no-at-sign"));

        domain.ShouldFail(HttpStatusCode.BadRequest, "InvalidParameterValue");
        address.ShouldFail(HttpStatusCode.BadRequest, "InvalidParameterValue");
    }

    [Fact]
    public async Task EmailVerificationLinkFromTheLocalMailboxVerifiesTheAddress()
    {
        await using var aws = await LocalAwsFixture.StartAsync();

        (await aws.SesAsync("VerifyEmailIdentity", ("EmailAddress", "new@example.net"))).ShouldSucceed();
        var pending = await aws.SesAsync("GetIdentityVerificationAttributes", ("Identities.member.1", "new@example.net"));
        using var page = await aws.GetAsync("/_local/mailbox");
        var html = await page.Content.ReadAsStringAsync();
        var link = VerifyLink().Match(html).Groups[1].Value.Replace("&amp;", "&", StringComparison.Ordinal);
        using var verified = await aws.GetAsync(link);
        var after = await aws.SesAsync("GetIdentityVerificationAttributes", ("Identities.member.1", "new@example.net"));

        Assert.Equal("Pending", pending.Map("VerificationAttributes")["new@example.net"].Element(AwsAnswer.Ses + "VerificationStatus")?.Value);
        Assert.Null(pending.Map("VerificationAttributes")["new@example.net"].Element(AwsAnswer.Ses + "VerificationToken"));
        Assert.Contains("new@example.net", html);
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        Assert.Equal("Success", after.Map("VerificationAttributes")["new@example.net"].Element(AwsAnswer.Ses + "VerificationStatus")?.Value);
    }

    [Fact]
    public async Task AnUnknownVerificationLinkVerifiesNothing()
    {
        await using var aws = await LocalAwsFixture.StartAsync();

        using var response = await aws.GetAsync("/_local/verify?token=not-a-token");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task MailboxPageShowsHostileTextAsText()
    {
        await using var aws = await LocalAwsFixture.StartAsync();
        (await aws.SesAsync("SendEmail", ("Source", "user@example.com"), ("Destination.ToAddresses.member.1", "a@example.net"),
            ("Message.Subject.Data", "<script>alert(1)</script>"), ("Message.Body.Text.Data", "x"))).ShouldSucceed();

        using var page = await aws.GetAsync("/_local/mailbox");
        var html = await page.Content.ReadAsStringAsync();

        Assert.DoesNotContain("<script>", html);
        Assert.Contains("&lt;script&gt;", html);
    }

    [Fact]
    public async Task DeleteIdentityRemovesItAndIsIdempotent()
    {
        await using var aws = await LocalAwsFixture.StartAsync();

        (await aws.SesAsync("DeleteIdentity", ("Identity", "failed.test"))).ShouldSucceed();
        (await aws.SesAsync("DeleteIdentity", ("Identity", "failed.test"))).ShouldSucceed();
        var attributes = await aws.SesAsync("GetIdentityVerificationAttributes", ("Identities.member.1", "failed.test"));

        Assert.Empty(attributes.Map("VerificationAttributes"));
    }

    [Fact]
    public async Task FeedbackForwardingIsOnByDefaultAndStaysOnWithoutNotificationTopics()
    {
        await using var aws = await LocalAwsFixture.StartAsync();

        var before = await aws.SesAsync("GetIdentityNotificationAttributes", ("Identities.member.1", "example.com"));
        var refused = await aws.SesAsync("SetIdentityFeedbackForwardingEnabled", ("Identity", "example.com"), ("ForwardingEnabled", "false"));
        await aws.SesAsync("SetIdentityNotificationTopic", ("Identity", "example.com"), ("NotificationType", "Bounce"), ("SnsTopic", "arn:aws:sns:us-east-1:000000000000:bounces"));
        await aws.SesAsync("SetIdentityNotificationTopic", ("Identity", "example.com"), ("NotificationType", "Complaint"), ("SnsTopic", "arn:aws:sns:us-east-1:000000000000:complaints"));
        var allowed = await aws.SesAsync("SetIdentityFeedbackForwardingEnabled", ("Identity", "example.com"), ("ForwardingEnabled", "false"));
        var after = await aws.SesAsync("GetIdentityNotificationAttributes", ("Identities.member.1", "example.com"));

        Assert.Equal("true", before.Map("NotificationAttributes")["example.com"].Element(AwsAnswer.Ses + "ForwardingEnabled")?.Value);
        refused.ShouldFail(HttpStatusCode.BadRequest, "InvalidParameterValue");
        allowed.ShouldSucceed();
        var value = after.Map("NotificationAttributes")["example.com"];
        Assert.Equal("false", value.Element(AwsAnswer.Ses + "ForwardingEnabled")?.Value);
        Assert.Equal("arn:aws:sns:us-east-1:000000000000:bounces", value.Element(AwsAnswer.Ses + "BounceTopic")?.Value);
    }

    [Fact]
    public async Task TenThousandBulkAddedIdentitiesArePagedAndQueriedInBatches()
    {
        await using var aws = await LocalAwsFixture.StartAsync();
        aws.Server.AddVerifiedIdentities("us-east-1", Enumerable.Range(0, 10_000).Select(i => $"bulk{i:D5}.test"));

        var page = await aws.SesAsync("ListIdentities", ("IdentityType", "Domain"));
        var batch = await aws.SesAsync("GetIdentityMailFromDomainAttributes",
            [.. Enumerable.Range(0, 100).Select(i => ($"Identities.member.{i + 1}", $"bulk{i * 97:D5}.test"))]);

        Assert.Equal(1000, page.All("member").Count());
        Assert.NotNull(page.Value("NextToken"));
        Assert.Equal(100, batch.Map("MailFromDomainAttributes").Count);
    }

    [GeneratedRegex("href=\"(/_local/verify\\?token=[^\"]+)\"")]
    private static partial Regex VerifyLink();
}
