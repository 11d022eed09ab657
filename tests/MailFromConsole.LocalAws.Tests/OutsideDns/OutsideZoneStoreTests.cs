using DnsClient;
using MailFromConsole.LocalAws.Dns;
using MailFromConsole.LocalAws.OutsideDns;
using MailFromConsole.LocalAws.Tests.Dns;

namespace MailFromConsole.LocalAws.Tests.OutsideDns;

public sealed class OutsideZoneStoreTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    /// <summary>A store over the test database with the zone example.net. and no records in it.</summary>
    private OutsideZoneStore StoreWithExampleNet()
    {
        var store = new OutsideZoneStore(_database.Path);
        store.AddZone("example.net");
        return store;
    }

    [Fact]
    public void ZonesAndRecordsSurviveReopeningTheDatabase()
    {
        var first = new OutsideZoneStore(_database.Path);
        first.AddZone("Example.NET.");
        first.AddRecord("example.net", "mail", "MX", "10 feedback-smtp.us-east-1.amazonses.com", 600);
        first.AddRecord("example.net", "mail", "TXT", "v=spf1 include:amazonses.com ~all");

        var reopened = new OutsideZoneStore(_database.Path);

        var zone = Assert.Single(reopened.List());
        Assert.Equal("example.net.", zone.Apex);
        Assert.Equal(
            [("mail.example.net.", "MX", 600L, "10 feedback-smtp.us-east-1.amazonses.com."), ("mail.example.net.", "TXT", 300L, "v=spf1 include:amazonses.com ~all")],
            zone.Records.Select(r => (r.Name, r.Type, r.Ttl, r.Value)));
        Assert.Equal(["example.net."], reopened.ZoneApexes());
    }

    [Theory]
    [InlineData("mail", "mail.example.net.")]
    [InlineData("mail.example.net", "mail.example.net.")]
    [InlineData("MAIL.Example.Net.", "mail.example.net.")]
    [InlineData("@", "example.net.")]
    [InlineData("", "example.net.")]
    [InlineData("_amazonses", "_amazonses.example.net.")]
    [InlineData("bounce.mail", "bounce.mail.example.net.")]
    [InlineData("mail.example.org", "mail.example.org.example.net.")]
    public void NamesAreTakenAsAProviderTakesThem(string typed, string stored)
    {
        var store = StoreWithExampleNet();

        var record = store.AddRecord("example.net.", typed, "TXT", "x");

        Assert.Equal(stored, record.Name);
    }

    [Theory]
    [InlineData("v=spf1 include:amazonses.com ~all", "v=spf1 include:amazonses.com ~all")]
    [InlineData("\"v=spf1 include:amazonses.com ~all\"", "v=spf1 include:amazonses.com ~all")]
    [InlineData("\"v=spf1 include:amazon\" \"ses.com ~all\"", "v=spf1 include:amazonses.com ~all")]
    [InlineData("\"say \\\"hi\\\"\"", "say \"hi\"")]
    [InlineData("\"a\" b \"c\"", "\"a\" b \"c\"")]
    public void TxtValuesAreStoredAsPlainText(string typed, string stored)
    {
        var store = StoreWithExampleNet();

        Assert.Equal(stored, store.AddRecord("example.net", "mail", "txt", typed).Value);
    }

    [Theory]
    [InlineData("mail", "MX", "feedback-smtp.us-east-1.amazonses.com", "priority and a host")]
    [InlineData("mail", "MX", "70000 feedback-smtp.us-east-1.amazonses.com", "priority and a host")]
    [InlineData("mail", "MX", "10 bad_host!.example.com", "may contain only")]
    [InlineData("mail", "A", "300.1.1.1", "not an IPv4 address")]
    [InlineData("mail", "A", "2001:db8::1", "not an IPv4 address")]
    [InlineData("mail", "AAAA", "192.0.2.1", "not an IPv6 address")]
    [InlineData("mail", "SRV", "0 5 5060 sip.example.net", "not supported")]
    [InlineData("mail", "TXT", "", "empty")]
    [InlineData("mail", "TXT", "line1\r\nline2", "control character")]
    [InlineData("ma il", "TXT", "x", "may contain only")]
    [InlineData("mail.example.org.", "TXT", "x", "not inside the zone")]
    [InlineData("-mail", "TXT", "x", "not a valid domain name")]
    [InlineData("@", "CNAME", "target.example.org", "zone apex")]
    public void RefusesWhatAProviderWouldRefuseWithTheReason(string name, string type, string value, string reason)
    {
        var store = StoreWithExampleNet();

        var refused = Assert.Throws<OutsideDnsException>(() => store.AddRecord("example.net", name, type, value));

        Assert.Contains(reason, refused.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(Assert.Single(store.List()).Records);
    }

    [Fact]
    public void RefusesLongLabelsAndTopLevelZones()
    {
        var store = new OutsideZoneStore(_database.Path);

        Assert.Throws<OutsideDnsException>(() => store.AddZone("net"));
        Assert.Throws<OutsideDnsException>(() => store.AddZone(new string('a', 64) + ".net"));
        Assert.Throws<OutsideDnsException>(() => store.AddZone("exa mple.net"));
        Assert.Empty(store.List());
    }

    [Fact]
    public void ConvertsInternationalZoneNamesToPunycode()
    {
        var store = new OutsideZoneStore(_database.Path);

        Assert.Equal("xn--bcher-kva.example.", store.AddZone("Bücher.example"));
    }

    [Fact]
    public void RefusesACnameBesideOtherRecordsAndOtherRecordsBesideACname()
    {
        var store = StoreWithExampleNet();
        store.AddRecord("example.net", "mail", "MX", "10 feedback-smtp.us-east-1.amazonses.com");
        store.AddRecord("example.net", "alias", "CNAME", "mail.example.net");

        Assert.Throws<OutsideDnsException>(() => store.AddRecord("example.net", "mail", "CNAME", "elsewhere.example.org"));
        Assert.Throws<OutsideDnsException>(() => store.AddRecord("example.net", "alias", "TXT", "v=spf1 ~all"));
        Assert.Equal(2, Assert.Single(store.List()).Records.Count);
    }

    [Fact]
    public void RefusesTheSameRecordTwiceButAllowsASecondValue()
    {
        var store = StoreWithExampleNet();
        store.AddRecord("example.net", "mail", "MX", "10 feedback-smtp.us-east-1.amazonses.com");

        Assert.Throws<OutsideDnsException>(() => store.AddRecord("example.net", "mail.example.net.", "mx", "10 FEEDBACK-SMTP.us-east-1.amazonses.com."));
        store.AddRecord("example.net", "mail", "MX", "20 mx.example.org");
        Assert.Equal(2, store.RecordsAt("example.net.", "mail.example.net.").Count);
    }

    [Fact]
    public void RefusesRecordsForAZoneThatDoesNotExist()
    {
        var store = new OutsideZoneStore(_database.Path);

        Assert.Throws<OutsideDnsException>(() => store.AddRecord("example.net", "mail", "TXT", "x"));
    }

    [Fact]
    public void DeletingAZoneRemovesItsRecords()
    {
        var store = StoreWithExampleNet();
        store.AddRecord("example.net", "mail", "TXT", "x");

        Assert.True(store.DeleteZone("example.net"));
        store.AddZone("example.net");

        Assert.Empty(store.RecordsAt("example.net.", "mail.example.net."));
        Assert.False(store.DeleteZone("example.org"));
    }

    [Fact]
    public void KnowsNamesWithRecordsBelowThemByLabelsNotPatterns()
    {
        var store = StoreWithExampleNet();
        store.AddRecord("example.net", "a.bxc", "TXT", "x");
        store.AddRecord("example.net", "_amazonses.mail", "TXT", "token");

        Assert.True(store.HasRecordsBelow("example.net.", "bxc.example.net."));
        Assert.True(store.HasRecordsBelow("example.net.", "mail.example.net."));
        Assert.False(store.HasRecordsBelow("example.net.", "b_c.example.net."));
        Assert.False(store.HasRecordsBelow("example.net.", "xc.example.net."));
        Assert.False(store.HasRecordsBelow("example.net.", "a.bxc.example.net."));
    }

    [Fact]
    public async Task LocalDnsServesOutsideZonesBesideRoute53ZonesAndRecordsAppearAtOnce()
    {
        var outside = new OutsideZoneStore(_database.Path);
        outside.AddZone("example.net");
        outside.AddZone("example.com");
        outside.AddRecord("example.com", "mail", "MX", "10 mx.outside.example.");
        var route53 = new InMemoryZoneData().Zone("example.com").Add("mail.example.com", "MX", "10 feedback-smtp.us-east-1.amazonses.com.");
        await using var server = await LocalDns.StartAsync(new CompositeZoneData(route53, outside));
        var client = LocalDns.Client(server.Endpoint);

        var before = await client.QueryAsync("mail.example.net", QueryType.MX);
        outside.AddRecord("example.net", "mail", "MX", "10 feedback-smtp.eu-west-1.amazonses.com");
        var after = await client.QueryAsync("mail.example.net", QueryType.MX);
        var sharedApex = await client.QueryAsync("mail.example.com", QueryType.MX);

        Assert.Equal(DnsHeaderResponseCode.NotExistentDomain, before.Header.ResponseCode);
        Assert.Equal("feedback-smtp.eu-west-1.amazonses.com.", Assert.Single(after.Answers.MxRecords()).Exchange.Value);
        Assert.Equal("feedback-smtp.us-east-1.amazonses.com.", Assert.Single(sharedApex.Answers.MxRecords()).Exchange.Value);
    }
}
