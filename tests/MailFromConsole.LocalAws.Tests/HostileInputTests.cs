using System.Net;
using MailFromConsole.LocalAws.Tests.Support;

namespace MailFromConsole.LocalAws.Tests;

/// <summary>Odd and hostile MAIL FROM values through the wire: each gets a well-formed AWS answer, never a half-done change.</summary>
public sealed class HostileInputTests
{
    public static TheoryData<string, string?> MailFromValues => new()
    {
        { "mail.example.com", "mail.example.com" },
        { "MAIL.Example.COM.", "mail.example.com" },
        { "a.b.c.example.com", "a.b.c.example.com" },
        { "mailexample.com", null },
        { "example.com.evil.com", null },
        { "mail.example.com\r\nX-Injected: 1", null },
        { "mail.example.com\0", null },
        { "<mail>.example.com", null },
        { "mail&Action=DeleteIdentity.example.com", null },
        { "mail\".example.com", null },
        { "'; DROP TABLE identities; --.example.com", null },
        { "mail..example.com", null },
        { "-mail.example.com", null },
        { new string('a', 64) + ".example.com", null },
        { string.Join('.', Enumerable.Repeat(new string('a', 63), 4)) + ".example.com", null },
        { "bücher.example.com", null },
        { "mail.example.com\uD800", null },
        { new string('x', 100_000), null },
    };

    [Theory]
    [MemberData(nameof(MailFromValues))]
    public async Task MailFromValueIsStoredNormalisedOrRefusedWithAwsError(string value, string? stored)
    {
        await using var aws = await LocalAwsFixture.StartAsync();

        var answer = await aws.SesAsync("SetIdentityMailFromDomain", ("Identity", "example.com"), ("MailFromDomain", value));
        var attributes = await aws.SesAsync("GetIdentityMailFromDomainAttributes", ("Identities.member.1", "example.com"));

        var current = attributes.Map("MailFromDomainAttributes")["example.com"].Element(AwsAnswer.Ses + "MailFromDomain")?.Value;
        if (stored is null)
        {
            answer.ShouldFail(HttpStatusCode.BadRequest, "InvalidParameterValue");
            Assert.Null(current);
        }
        else
        {
            answer.ShouldSucceed();
            Assert.Equal(stored, current);
        }

        var identities = await aws.SesAsync("ListIdentities");
        Assert.Contains("example.com", identities.All("member").Select(m => m.Value));
    }

    [Fact]
    public async Task HostileRecordValuesAreRefusedOrStoredVerbatim()
    {
        await using var aws = await LocalAwsFixture.StartAsync();
        var zone = await Route53Xml.ZoneIdAsync(aws, "example.com.");

        var injected = await aws.Route53Async(HttpMethod.Post, $"/2013-04-01/hostedzone/{zone}/rrset/", Route53Xml.Batch(
            Route53Xml.Change("CREATE", "x.example.com", "TXT", 300, "\"a\" \"</Value><Value>b\"")));

        injected.ShouldSucceed();
        var record = Assert.Single(aws.Server.ZoneData.RecordsAt("example.com.", "x.example.com."));
        Assert.Equal("a</Value><Value>b", record.Value);
    }

    [Fact]
    public async Task XmlWithAnExternalEntityIsRefusedUnread()
    {
        await using var aws = await LocalAwsFixture.StartAsync();
        var body = System.Xml.Linq.XDocument.Parse("<CreateHostedZoneRequest xmlns=\"https://route53.amazonaws.com/doc/2013-04-01/\"><Name>x.test</Name><CallerReference>r</CallerReference></CreateHostedZoneRequest>");

        var plain = await aws.Route53Async(HttpMethod.Post, "/2013-04-01/hostedzone", body);
        using var http = new HttpClient();
        var hostile = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" +
                      "<CreateHostedZoneRequest xmlns=\"https://route53.amazonaws.com/doc/2013-04-01/\"><Name>&x;.test</Name><CallerReference>r2</CallerReference></CreateHostedZoneRequest>";
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(aws.Endpoint, "/2013-04-01/hostedzone")) { Content = new StringContent(hostile) };
        var bytes = await request.Content.ReadAsByteArrayAsync();
        TestSigner.Sign(request, bytes, "us-east-1", "route53", "test", "test", DateTimeOffset.UtcNow);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        plain.ShouldSucceed();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<Code>MalformedInput</Code>", text);
        Assert.DoesNotContain("root:", text);
    }
}
