using System.Diagnostics;
using System.Net;
using DnsClient;
using DnsClient.Protocol;
using MailFromConsole.LocalAws.Dns;
using Microsoft.Extensions.Logging.Abstractions;

namespace MailFromConsole.LocalAws.Tests.Dns;

public sealed class LocalDnsServerTests
{
    private static InMemoryZoneData ExampleZone() => new InMemoryZoneData()
        .Zone("example.com")
        .Add("mail.example.com", "MX", "10 feedback-smtp.us-east-1.amazonses.com.")
        .Add("mail.example.com", "TXT", "v=spf1 include:amazonses.com ~all")
        .Add("bounce.example.com", "CNAME", "mail.example.com.")
        .Add("www.example.com", "A", "192.0.2.10")
        .Add("a.deep.example.com", "A", "192.0.2.11");

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AnswersMxFromTheZoneOverUdpAndTcp(bool tcpOnly)
    {
        await using var server = await LocalDns.StartAsync(ExampleZone());

        var response = await LocalDns.Client(server.Endpoint, tcpOnly).QueryAsync("mail.example.com", QueryType.MX);

        Assert.Equal(DnsHeaderResponseCode.NoError, response.Header.ResponseCode);
        Assert.True(response.Header.HasAuthorityAnswer);
        var mx = Assert.Single(response.Answers.MxRecords());
        Assert.Equal(10, mx.Preference);
        Assert.Equal("feedback-smtp.us-east-1.amazonses.com.", mx.Exchange.Value);
    }

    [Fact]
    public async Task AnswersTxtAsTheStoredPlainText()
    {
        await using var server = await LocalDns.StartAsync(ExampleZone());

        var response = await LocalDns.Client(server.Endpoint).QueryAsync("MAIL.Example.COM.", QueryType.TXT);

        var txt = Assert.Single(response.Answers.TxtRecords());
        Assert.Equal(["v=spf1 include:amazonses.com ~all"], txt.Text);
    }

    [Fact]
    public async Task ServesNonAsciiTxtAsUtf8SplitBetweenCharacters()
    {
        var text = new string('a', 254) + "é" + "ü";
        var zones = new InMemoryZoneData().Zone("example.com").Add("intl.example.com", "TXT", text);
        await using var server = await LocalDns.StartAsync(zones);

        var response = await LocalDns.Client(server.Endpoint).QueryAsync("intl.example.com", QueryType.TXT);

        var txt = Assert.Single(response.Answers.TxtRecords());
        Assert.Equal([new string('a', 254), "éü"], txt.Text);
    }

    [Fact]
    public async Task LongTxtIsTruncatedOverUdpSoTheClientRetriesOverTcp()
    {
        var longText = string.Concat(Enumerable.Range(0, 900).Select(i => (char)('a' + (i % 26)))) + " " + new string('z', 1200);
        var zones = new InMemoryZoneData().Zone("example.com").Add("long.example.com", "TXT", longText);
        await using var server = await LocalDns.StartAsync(zones);

        var udpOnly = await Assert.ThrowsAsync<DnsResponseException>(() => LocalDns.Client(server.Endpoint, tcpFallback: false).QueryAsync("long.example.com", QueryType.TXT));
        var withFallback = await LocalDns.Client(server.Endpoint).QueryAsync("long.example.com", QueryType.TXT);

        Assert.Contains("truncated", udpOnly.Message, StringComparison.OrdinalIgnoreCase);
        var txt = Assert.Single(withFallback.Answers.TxtRecords());
        Assert.False(withFallback.Header.ResultTruncated);
        Assert.Equal(longText, string.Concat(txt.Text));
        Assert.All(txt.Text, part => Assert.True(part.Length <= 255));
        Assert.Equal(9, txt.Text.Count);
    }

    [Fact]
    public async Task AnswersTheCnameForAnyTypeAtItsNameAndFollowsItInsideOurZones()
    {
        await using var server = await LocalDns.StartAsync(ExampleZone());
        var client = LocalDns.Client(server.Endpoint);

        var mx = await client.QueryAsync("bounce.example.com", QueryType.MX);
        var a = await client.QueryAsync("bounce.example.com", QueryType.A);

        Assert.Equal("mail.example.com.", Assert.Single(mx.Answers.CnameRecords()).CanonicalName.Value);
        Assert.Equal("feedback-smtp.us-east-1.amazonses.com.", Assert.Single(mx.Answers.MxRecords()).Exchange.Value);
        Assert.Single(a.Answers.CnameRecords());
        Assert.Empty(a.Answers.ARecords());
        Assert.Equal(DnsHeaderResponseCode.NoError, a.Header.ResponseCode);
    }

    [Fact]
    public async Task NameWithoutRecordsGetsNxDomainWithTheZoneSoa()
    {
        await using var server = await LocalDns.StartAsync(ExampleZone());

        var response = await LocalDns.Client(server.Endpoint).QueryAsync("nothing.example.com", QueryType.MX);

        Assert.Equal(DnsHeaderResponseCode.NotExistentDomain, response.Header.ResponseCode);
        Assert.Empty(response.Answers);
        Assert.Equal("example.com.", Assert.Single(response.Authorities.SoaRecords()).DomainName.Value);
    }

    [Fact]
    public async Task ExistingNameWithoutThatTypeGetsNoDataWithTheZoneSoa()
    {
        await using var server = await LocalDns.StartAsync(ExampleZone());

        var response = await LocalDns.Client(server.Endpoint).QueryAsync("www.example.com", QueryType.MX);

        Assert.Equal(DnsHeaderResponseCode.NoError, response.Header.ResponseCode);
        Assert.Empty(response.Answers);
        Assert.Single(response.Authorities.SoaRecords());
    }

    [Fact]
    public async Task NameWithRecordsOnlyBelowItGetsNoDataNotNxDomain()
    {
        await using var server = await LocalDns.StartAsync(ExampleZone());

        var response = await LocalDns.Client(server.Endpoint).QueryAsync("deep.example.com", QueryType.TXT);

        Assert.Equal(DnsHeaderResponseCode.NoError, response.Header.ResponseCode);
        Assert.Single(response.Authorities.SoaRecords());
    }

    [Fact]
    public async Task NegativeAnswerCarriesTheStoredSoaWhenTheZoneHasOne()
    {
        var zones = ExampleZone().Add("example.com", "SOA", "ns-1.awsdns-01.org. awsdns-hostmaster.amazon.com. 7 7200 900 1209600 86400", ttl: 900);
        await using var server = await LocalDns.StartAsync(zones);

        var response = await LocalDns.Client(server.Endpoint).QueryAsync("nothing.example.com", QueryType.TXT);

        var soa = Assert.Single(response.Authorities.SoaRecords());
        Assert.Equal("ns-1.awsdns-01.org.", soa.MName.Value);
        Assert.Equal(7u, soa.Serial);
    }

    [Fact]
    public async Task ZoneApexWithoutStoredRecordsExistsAndAnswersAnSoa()
    {
        await using var server = await LocalDns.StartAsync(new InMemoryZoneData().Zone("example.net"));
        var client = LocalDns.Client(server.Endpoint);

        var soa = await client.QueryAsync("example.net", QueryType.SOA);
        var mx = await client.QueryAsync("example.net", QueryType.MX);

        Assert.Equal("example.net.", Assert.Single(soa.Answers.SoaRecords()).DomainName.Value);
        Assert.Equal(DnsHeaderResponseCode.NoError, mx.Header.ResponseCode);
        Assert.Empty(mx.Answers);
        Assert.Single(mx.Authorities.SoaRecords());
    }

    [Fact]
    public async Task StoppingReleasesThePortEvenRightAfterStarting()
    {
        var first = await LocalDns.StartAsync(ExampleZone());
        var port = first.Endpoint.Port;
        await first.DisposeAsync();

        for (var i = 0; i < 5; i++)
        {
            var again = new LocalDnsServer(ExampleZone(), NullLogger<LocalDnsServer>.Instance);
            await again.StartAsync(new IPEndPoint(IPAddress.Loopback, port), CancellationToken.None);
            Assert.Equal(port, again.Endpoint.Port);
            await again.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("example.org")]
    [InlineData("notexample.com")]
    [InlineData("com")]
    public async Task RefusesNamesOutsideEveryZone(string name)
    {
        await using var server = await LocalDns.StartAsync(ExampleZone());

        var response = await LocalDns.Client(server.Endpoint).QueryAsync(name, QueryType.MX);

        Assert.Equal(DnsHeaderResponseCode.Refused, response.Header.ResponseCode);
        Assert.Empty(response.Answers);
    }

    [Fact]
    public async Task AnswersFromTheDeepestZoneContainingTheName()
    {
        var zones = ExampleZone()
            .Zone("sub.example.com")
            .Add("mail.sub.example.com", "MX", "10 feedback-smtp.eu-west-1.amazonses.com.");
        await using var server = await LocalDns.StartAsync(zones);

        var response = await LocalDns.Client(server.Endpoint).QueryAsync("other.sub.example.com", QueryType.MX);

        Assert.Equal(DnsHeaderResponseCode.NotExistentDomain, response.Header.ResponseCode);
        Assert.Equal("sub.example.com.", Assert.Single(response.Authorities.SoaRecords()).DomainName.Value);
    }

    [Fact]
    public async Task ChangesToTheZoneDataAreVisibleOnTheNextQuery()
    {
        var zones = ExampleZone();
        await using var server = await LocalDns.StartAsync(zones);
        var client = LocalDns.Client(server.Endpoint);

        var before = await client.QueryAsync("new.example.com", QueryType.MX);
        zones.Add("new.example.com", "MX", "10 feedback-smtp.us-west-2.amazonses.com.");
        var after = await client.QueryAsync("new.example.com", QueryType.MX);

        Assert.Equal(DnsHeaderResponseCode.NotExistentDomain, before.Header.ResponseCode);
        Assert.Single(after.Answers.MxRecords());
    }

    [Fact]
    public async Task BrokenZoneDataGivesServerFailure()
    {
        var zones = ExampleZone();
        await using var server = await LocalDns.StartAsync(zones);
        zones.Failure = new InvalidOperationException("database is locked");

        var response = await LocalDns.Client(server.Endpoint).QueryAsync("mail.example.com", QueryType.MX);

        Assert.Equal(DnsHeaderResponseCode.ServerFailure, response.Header.ResponseCode);
    }

    [Fact]
    public async Task StoredRecordThatCannotBeServedIsLeftOutOfTheAnswer()
    {
        var zones = ExampleZone().Add("mail.example.com", "MX", "not-a-preference host.");
        await using var server = await LocalDns.StartAsync(zones);

        var response = await LocalDns.Client(server.Endpoint).QueryAsync("mail.example.com", QueryType.MX);

        Assert.Single(response.Answers.MxRecords());
    }

    [Fact]
    public async Task RefusesToBindAnythingButLoopback()
    {
        await using var server = new LocalDnsServer(ExampleZone(), NullLogger<LocalDnsServer>.Instance);

        await Assert.ThrowsAsync<ArgumentException>(() => server.StartAsync(new IPEndPoint(IPAddress.Any, 0), CancellationToken.None));
    }

    [Theory]
    [InlineData("+notcp")]
    [InlineData("+tcp")]
    public async Task DigSeesTheMxRecord(string transport)
    {
        Assert.True(File.Exists("/usr/bin/dig"), "dig is missing: install dnsutils (the project's test set-up does)");
        await using var server = await LocalDns.StartAsync(ExampleZone());

        var start = new ProcessStartInfo("/usr/bin/dig", ["@127.0.0.1", "-p", server.Endpoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), transport, "+norecurse", "+time=2", "+tries=1", "mail.example.com", "MX"])
        {
            RedirectStandardOutput = true,
        };
        using var dig = Process.Start(start)!;
        var output = await dig.StandardOutput.ReadToEndAsync();
        await dig.WaitForExitAsync();

        Assert.Contains("status: NOERROR", output);
        Assert.Contains("flags: qr aa", output);
        Assert.Matches(@"mail\.example\.com\.\s+300\s+IN\s+MX\s+10 feedback-smtp\.us-east-1\.amazonses\.com\.", output);
    }
}
