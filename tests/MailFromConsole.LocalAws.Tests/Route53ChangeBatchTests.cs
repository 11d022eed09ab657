using System.Net;
using MailFromConsole.LocalAws.Tests.Support;
using static MailFromConsole.LocalAws.Tests.Support.Route53Xml;

namespace MailFromConsole.LocalAws.Tests;

public sealed class Route53ChangeBatchTests
{
    private const string Spf = "\"v=spf1 include:amazonses.com ~all\"";

    [Fact]
    public async Task PublishedRecordsAreListedAndVisibleToTheDnsView()
    {
        await using var aws = await LocalAwsFixture.StartAsync();
        var zone = await ZoneIdAsync(aws, "example.com.");

        var answer = await aws.Route53Async(HttpMethod.Post, $"/2013-04-01/hostedzone/{zone}/rrset/", Batch(
            Change("CREATE", "mail.example.com", "MX", 300, "10 feedback-smtp.us-east-1.amazonses.com"),
            Change("CREATE", "mail.example.com", "TXT", 300, Spf)));

        answer.ShouldSucceed();
        Assert.StartsWith("/change/C", answer.Value("Id"));
        var list = await aws.Route53Async(HttpMethod.Get, $"/2013-04-01/hostedzone/{zone}/rrset?name=mail.example.com&type=MX");
        var first = list.All("ResourceRecordSet").First();
        Assert.Equal("mail.example.com.", first.Element(AwsAnswer.Route53 + "Name")?.Value);
        Assert.Equal(Spf, list.All("Value").Last().Value);
        var dns = aws.Server.ZoneData.RecordsAt("example.com.", "mail.example.com.");
        Assert.Contains(dns, r => r is { Type: "MX", Value: "10 feedback-smtp.us-east-1.amazonses.com." });
        Assert.Contains(dns, r => r is { Type: "TXT", Value: "v=spf1 include:amazonses.com ~all" });
    }

    [Fact]
    public async Task RefusesToCreateARecordSetThatAlreadyExists()
    {
        await using var aws = await LocalAwsFixture.StartAsync();
        var zone = await ZoneIdAsync(aws, "two-mx.test.");

        var answer = await aws.Route53Async(HttpMethod.Post, $"/2013-04-01/hostedzone/{zone}/rrset/", Batch(
            Change("CREATE", "mail.two-mx.test", "MX", 300, "10 feedback-smtp.us-east-1.amazonses.com")));

        answer.ShouldFail(HttpStatusCode.BadRequest, "InvalidChangeBatch");
        Assert.Equal("[Tried to create resource record set [name='mail.two-mx.test.', type='MX'] but it already exists]", answer.ErrorMessage);
    }

    [Fact]
    public async Task DeleteMustMatchTheCurrentValuesExactly()
    {
        await using var aws = await LocalAwsFixture.StartAsync();
        var zone = await ZoneIdAsync(aws, "spf-conflict.test.");

        var partial = await aws.Route53Async(HttpMethod.Post, $"/2013-04-01/hostedzone/{zone}/rrset/", Batch(
            Change("DELETE", "mail.spf-conflict.test", "TXT", 300, $"\"{LocalAwsSeeds.ConflictingSpfValue}\"")));
        var exact = await aws.Route53Async(HttpMethod.Post, $"/2013-04-01/hostedzone/{zone}/rrset/", Batch(
            Change("DELETE", "mail.spf-conflict.test", "TXT", 300, "\"mailprovider-verification=4f2a9c\"", $"\"{LocalAwsSeeds.ConflictingSpfValue}\""),
            Change("CREATE", "mail.spf-conflict.test", "TXT", 300, "\"mailprovider-verification=4f2a9c\"",
                "\"v=spf1 include:_spf.mailprovider.test include:amazonses.com ~all\"")));

        partial.ShouldFail(HttpStatusCode.BadRequest, "InvalidChangeBatch");
        Assert.Equal("[Tried to delete resource record set [name='mail.spf-conflict.test.', type='TXT'] but the values provided do not match the current values]", partial.ErrorMessage);
        exact.ShouldSucceed();
    }

    [Fact]
    public async Task RefusesToDeleteARecordSetThatDoesNotExist()
    {
        await using var aws = await LocalAwsFixture.StartAsync();
        var zone = await ZoneIdAsync(aws, "example.com.");

        var answer = await aws.Route53Async(HttpMethod.Post, $"/2013-04-01/hostedzone/{zone}/rrset/", Batch(
            Change("DELETE", "mail.example.com", "TXT", 300, Spf)));

        answer.ShouldFail(HttpStatusCode.BadRequest, "InvalidChangeBatch");
        Assert.Equal("[Tried to delete resource record set [name='mail.example.com.', type='TXT'] but it was not found]", answer.ErrorMessage);
    }

    [Fact]
    public async Task RefusesANameOutsideTheZoneByLabels()
    {
        await using var aws = await LocalAwsFixture.StartAsync();
        var zone = await ZoneIdAsync(aws, "example.com.");

        var answer = await aws.Route53Async(HttpMethod.Post, $"/2013-04-01/hostedzone/{zone}/rrset/", Batch(
            Change("CREATE", "mail.notexample.com", "TXT", 300, Spf)));

        answer.ShouldFail(HttpStatusCode.BadRequest, "InvalidChangeBatch");
        Assert.Equal("[RRSet with DNS name mail.notexample.com. is not permitted in zone example.com.]", answer.ErrorMessage);
    }

    [Fact]
    public async Task RefusesRecordsThatConflictWithACname()
    {
        await using var aws = await LocalAwsFixture.StartAsync();
        var zone = await ZoneIdAsync(aws, "example.com.");
        await aws.Route53Async(HttpMethod.Post, $"/2013-04-01/hostedzone/{zone}/rrset/", Batch(
            Change("CREATE", "mail.example.com", "CNAME", 300, "mailhost.example.net")));

        var mx = await aws.Route53Async(HttpMethod.Post, $"/2013-04-01/hostedzone/{zone}/rrset/", Batch(
            Change("CREATE", "mail.example.com", "MX", 300, "10 feedback-smtp.us-east-1.amazonses.com")));
        var cname = await aws.Route53Async(HttpMethod.Post, $"/2013-04-01/hostedzone/{zone}/rrset/", Batch(
            Change("CREATE", "_amazonses.example.com", "CNAME", 300, "elsewhere.example.net")));

        mx.ShouldFail(HttpStatusCode.BadRequest, "InvalidChangeBatch");
        Assert.Equal("[RRSet of type MX with DNS name mail.example.com. is not permitted because a conflicting RRSet of type CNAME with the same DNS name already exists in zone example.com.]", mx.ErrorMessage);
        cname.ShouldFail(HttpStatusCode.BadRequest, "InvalidChangeBatch");
        Assert.Equal("[RRSet of type CNAME with DNS name _amazonses.example.com. is not permitted as it conflicts with other records with the same DNS name in zone example.com.]", cname.ErrorMessage);
    }

    [Theory]
    [InlineData("v=spf1 include:amazonses.com ~all", "InvalidCharacterString")]
    [InlineData("\"unterminated", "InvalidCharacterString")]
    public async Task RefusesTxtValuesThatAreNotQuoted(string value, string problem)
    {
        await using var aws = await LocalAwsFixture.StartAsync();
        var zone = await ZoneIdAsync(aws, "example.com.");

        var answer = await aws.Route53Async(HttpMethod.Post, $"/2013-04-01/hostedzone/{zone}/rrset/", Batch(
            Change("CREATE", "mail.example.com", "TXT", 300, value)));

        answer.ShouldFail(HttpStatusCode.BadRequest, "InvalidChangeBatch");
        Assert.Contains(problem, answer.ErrorMessage);
    }

    [Theory]
    [InlineData("\"\\989\"", "\\989")]
    [InlineData("\"\\400\"", "\\400")]
    [InlineData("\"a\\12\"", "\\12")]
    public async Task RefusesATxtEscapeThatIsNotThreeOctalDigits(string value, string escape)
    {
        await using var aws = await LocalAwsFixture.StartAsync();
        var zone = await ZoneIdAsync(aws, "example.com.");

        var answer = await aws.Route53Async(HttpMethod.Post, $"/2013-04-01/hostedzone/{zone}/rrset/", Batch(
            Change("CREATE", "mail.example.com", "TXT", 300, value)));

        answer.ShouldFail(HttpStatusCode.BadRequest, "InvalidChangeBatch");
        Assert.Equal($"[Invalid Resource Record: 'FATAL problem: InvalidEscapeSequence ({escape} is not an octal escape from \\000 to \\377) encountered with '{value}'']",
            answer.ErrorMessage);
        Assert.Empty(aws.Server.ZoneData.RecordsAt("example.com.", "mail.example.com."));
    }

    [Fact]
    public async Task ReadsAnOctalTxtEscapeAsTheCharacterItNames()
    {
        await using var aws = await LocalAwsFixture.StartAsync();
        var zone = await ZoneIdAsync(aws, "example.com.");

        var answer = await aws.Route53Async(HttpMethod.Post, $"/2013-04-01/hostedzone/{zone}/rrset/", Batch(
            Change("CREATE", "mail.example.com", "TXT", 300, "\"v=spf1 \\176all\"")));

        answer.ShouldSucceed();
        Assert.Equal("v=spf1 ~all", Assert.Single(aws.Server.ZoneData.RecordsAt("example.com.", "mail.example.com.")).Value);
    }

    [Fact]
    public async Task AcceptsTxtSplitIntoStringsOfAtMost255AndRefusesALongerString()
    {
        await using var aws = await LocalAwsFixture.StartAsync();
        var zone = await ZoneIdAsync(aws, "example.com.");
        var split = $"\"{new string('a', 255)}\" \"{new string('b', 100)}\"";

        var tooLong = await aws.Route53Async(HttpMethod.Post, $"/2013-04-01/hostedzone/{zone}/rrset/", Batch(
            Change("CREATE", "long.example.com", "TXT", 300, $"\"{new string('a', 256)}\"")));
        var ok = await aws.Route53Async(HttpMethod.Post, $"/2013-04-01/hostedzone/{zone}/rrset/", Batch(
            Change("CREATE", "long.example.com", "TXT", 300, split)));

        tooLong.ShouldFail(HttpStatusCode.BadRequest, "InvalidChangeBatch");
        Assert.Contains("TXTRDATATooLong", tooLong.ErrorMessage);
        ok.ShouldSucceed();
        var record = Assert.Single(aws.Server.ZoneData.RecordsAt("example.com.", "long.example.com."));
        Assert.Equal(new string('a', 255) + new string('b', 100), record.Value);
    }

    [Fact]
    public async Task ABatchWithOneBadChangeAppliesNothing()
    {
        await using var aws = await LocalAwsFixture.StartAsync();
        var zone = await ZoneIdAsync(aws, "example.com.");

        var answer = await aws.Route53Async(HttpMethod.Post, $"/2013-04-01/hostedzone/{zone}/rrset/", Batch(
            Change("CREATE", "mail.example.com", "MX", 300, "10 feedback-smtp.us-east-1.amazonses.com"),
            Change("CREATE", "mail.example.org", "TXT", 300, Spf),
            Change("DELETE", "nothing.example.com", "TXT", 300, Spf)));

        answer.ShouldFail(HttpStatusCode.BadRequest, "InvalidChangeBatch");
        Assert.Equal("[RRSet with DNS name mail.example.org. is not permitted in zone example.com., " +
                     "Tried to delete resource record set [name='nothing.example.com.', type='TXT'] but it was not found]", answer.ErrorMessage);
        Assert.Empty(aws.Server.ZoneData.RecordsAt("example.com.", "mail.example.com."));
    }

    [Fact]
    public async Task DeleteThenCreateInOneBatchReplacesARecordSet()
    {
        await using var aws = await LocalAwsFixture.StartAsync();
        var zone = await ZoneIdAsync(aws, "two-mx.test.");

        var answer = await aws.Route53Async(HttpMethod.Post, $"/2013-04-01/hostedzone/{zone}/rrset/", Batch(
            Change("DELETE", "mail.two-mx.test", "MX", 300, "20 mx.mailprovider.test", "10 feedback-smtp.us-east-1.amazonses.com"),
            Change("CREATE", "mail.two-mx.test", "MX", 300, "10 feedback-smtp.us-east-1.amazonses.com")));

        answer.ShouldSucceed();
        Assert.Single(aws.Server.ZoneData.RecordsAt("two-mx.test.", "mail.two-mx.test."));
    }

    [Fact]
    public async Task UnknownZoneIsNoSuchHostedZone()
    {
        await using var aws = await LocalAwsFixture.StartAsync();

        var answer = await aws.Route53Async(HttpMethod.Post, "/2013-04-01/hostedzone/ZNOTAZONE/rrset/", Batch(
            Change("CREATE", "mail.example.com", "TXT", 300, Spf)));

        answer.ShouldFail(HttpStatusCode.NotFound, "NoSuchHostedZone");
        Assert.Equal("No hosted zone found with ID: ZNOTAZONE", answer.ErrorMessage);
        Assert.Equal(AwsAnswer.Route53, answer.Ns);
    }
}
