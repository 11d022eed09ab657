using ARSoft.Tools.Net.Dns;
using MailFromConsole.Core.Deliverability;
using MailFromConsole.Core.Diagnosis;
using MailFromConsole.Core.Tests.Dns;

namespace MailFromConsole.Core.Tests.Deliverability;

/// <summary>SPF at the MAIL FROM domain, the include tree resolved against a real DNS server on loopback.</summary>
public sealed class SpfCheckTests : IDisposable
{
    private const string MailFrom = "mail.example.com";

    // amazonses.com is served here too so its own record is part of the tree, as on the internet.
    private readonly LoopbackDnsServer _dns = LoopbackDnsServer.Start("example.com", "amazonses.com", "provider.test");

    public SpfCheckTests() => _dns.AddTxt("amazonses.com", "v=spf1 ip4:199.255.192.0/22 ip4:54.240.0.0/18 -all");

    public void Dispose()
    {
        _dns.Dispose();
        Assert.Empty(_dns.ServerErrors);
    }

    [Fact]
    public async Task TheRecordSesAsksForPassesWithOneLookup()
    {
        _dns.AddTxt(MailFrom, "v=spf1 include:amazonses.com ~all");

        var spf = await CheckAsync();

        Assert.True(spf.Passes);
        Assert.Equal(1, spf.DnsLookups);
        Assert.Equal(0, spf.VoidLookups);
        Assert.Empty(spf.Issues);
    }

    [Fact]
    public async Task NestedIncludesAMxAndExistsAreAllCounted()
    {
        _dns.AddTxt(MailFrom, "v=spf1 include:amazonses.com include:_spf.provider.test a mx:example.com ~all")
            .AddA(MailFrom, "192.0.2.1").AddMx("example.com", 10, "mx1.example.com").AddA("mx1.example.com", "192.0.2.2")
            .AddTxt("_spf.provider.test", "v=spf1 include:a._spf.provider.test exists:%{i}.e.provider.test -all")
            .AddTxt("a._spf.provider.test", "v=spf1 ip4:203.0.113.0/24 -all");

        var spf = await CheckAsync();

        // amazonses.com, _spf.provider.test, a._spf.provider.test, exists, a, mx.
        Assert.Equal(6, spf.DnsLookups);
        Assert.True(spf.Passes);
        Assert.Equal(
        [
            new SpfInclude(1, "include:amazonses.com", "v=spf1 ip4:199.255.192.0/22 ip4:54.240.0.0/18 -all"),
            new SpfInclude(1, "include:_spf.provider.test", "v=spf1 include:a._spf.provider.test exists:%{i}.e.provider.test -all"),
            new SpfInclude(2, "include:a._spf.provider.test", "v=spf1 ip4:203.0.113.0/24 -all"),
        ], spf.Includes);
        Assert.Contains(spf.Issues, i => i.Code == SpfIssueCode.Unchecked && i.Message.Contains("macro", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MoreThanTenLookupsThroughTheIncludeTreeFail()
    {
        _dns.AddTxt(MailFrom, "v=spf1 include:amazonses.com include:big.provider.test ~all")
            .AddTxt("big.provider.test", "v=spf1 " + string.Join(' ', Enumerable.Range(1, 5).Select(n => $"include:s{n}.provider.test")) + " -all");
        foreach (var n in Enumerable.Range(1, 5))
        {
            _dns.AddTxt($"s{n}.provider.test", $"v=spf1 a:h{n}.provider.test -all").AddA($"h{n}.provider.test", "192.0.2.10");
        }

        var spf = await CheckAsync();

        Assert.False(spf.Passes);
        Assert.Equal(11, spf.DnsLookups); // the walk stops once the limit is passed
        var issue = Assert.Single(spf.Issues, i => i.Code == SpfIssueCode.TooManyLookups);
        Assert.Contains("needs 11 DNS lookups with its includes resolved; receivers stop at 10", issue.Message);
    }

    [Fact]
    public async Task TenLookupsExactlyStillPass()
    {
        _dns.AddTxt(MailFrom, "v=spf1 include:amazonses.com " + string.Join(' ', Enumerable.Range(1, 9).Select(n => $"a:h{n}.provider.test")) + " ~all");
        foreach (var n in Enumerable.Range(1, 9))
        {
            _dns.AddA($"h{n}.provider.test", "192.0.2.20");
        }

        var spf = await CheckAsync();

        Assert.Equal(10, spf.DnsLookups);
        Assert.True(spf.Passes);
    }

    [Fact]
    public async Task MoreThanTwoVoidLookupsFail()
    {
        _dns.AddTxt(MailFrom, "v=spf1 include:amazonses.com a:gone1.provider.test a:gone2.provider.test exists:gone3.provider.test ~all");

        var spf = await CheckAsync();

        Assert.Equal(3, spf.VoidLookups);
        Assert.False(spf.Passes);
        Assert.Contains(spf.Issues, i => i.Code == SpfIssueCode.TooManyVoidLookups && i.Message.Contains("makes 3 lookups that find nothing", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnIncludeLoopIsDetected()
    {
        _dns.AddTxt(MailFrom, "v=spf1 include:amazonses.com include:one.provider.test ~all")
            .AddTxt("one.provider.test", "v=spf1 include:two.provider.test -all")
            .AddTxt("two.provider.test", "v=spf1 include:one.provider.test -all");

        var spf = await CheckAsync();

        Assert.False(spf.Passes);
        var loop = Assert.Single(spf.Issues, i => i.Code == SpfIssueCode.Loop);
        Assert.Contains("mail.example.com → one.provider.test → two.provider.test → one.provider.test", loop.Message);
        Assert.Equal([(1, "include:amazonses.com"), (1, "include:one.provider.test"), (2, "include:two.provider.test"), (3, "include:one.provider.test")],
            spf.Includes.Select(i => (i.Depth, i.Term)));
        Assert.Null(spf.Includes[^1].Record); // the loop is not followed again
    }

    [Fact]
    public async Task ARedirectBackToItselfIsALoop()
    {
        _dns.AddTxt(MailFrom, "v=spf1 include:amazonses.com redirect=mail.example.com");

        var spf = await CheckAsync();

        Assert.Contains(spf.Issues, i => i.Code == SpfIssueCode.Loop);
    }

    [Fact]
    public async Task TwoSpfRecordsAreOneTooMany()
    {
        _dns.AddTxt(MailFrom, "v=spf1 include:amazonses.com ~all").AddTxt(MailFrom, "v=spf1 mx -all");

        var spf = await CheckAsync();

        Assert.False(spf.Passes);
        Assert.Null(spf.Record);
        Assert.Equal(SpfIssueCode.SeveralRecords, Assert.Single(spf.Issues).Code);
    }

    [Fact]
    public async Task NoRecordSaysWhatToAdd()
    {
        var spf = await CheckAsync();

        var issue = Assert.Single(spf.Issues);
        Assert.Equal(SpfIssueCode.NoRecord, issue.Code);
        Assert.Contains("\"v=spf1 include:amazonses.com ~all\"", issue.Message);
    }

    [Fact]
    public async Task AnIncludeOfANameWithoutSpfFails()
    {
        _dns.AddTxt(MailFrom, "v=spf1 include:amazonses.com include:nothing.provider.test ~all");

        var spf = await CheckAsync();

        Assert.False(spf.Passes);
        var issue = Assert.Single(spf.Issues, i => i.Code == SpfIssueCode.IncludeWithoutRecord);
        Assert.Contains("has include:nothing.provider.test, but nothing.provider.test has no SPF record (the name does not exist)", issue.Message);
    }

    [Fact]
    public async Task ARecordWithoutAmazonSesOrWithItFailingDoesNotPass()
    {
        _dns.AddTxt(MailFrom, "v=spf1 -include:amazonses.com mx ~all").AddMx(MailFrom, 10, "feedback-smtp.us-east-1.amazonses.com");

        var spf = await CheckAsync();

        Assert.False(spf.AuthorizesAmazonSes);
        Assert.Equal(SpfIssueCode.NoAmazonSes, spf.Issues[0].Code);
    }

    [Fact]
    public async Task AmazonSesReachedThroughARedirectCounts()
    {
        _dns.AddTxt(MailFrom, "v=spf1 redirect=_spf.example.com").AddTxt("_spf.example.com", "v=spf1 include:amazonses.com -all");

        var spf = await CheckAsync();

        Assert.True(spf.Passes);
        Assert.Equal(2, spf.DnsLookups);
    }

    [Fact]
    public async Task AnIncludeDnsCannotAnswerIsAWarningNotAFailure()
    {
        _dns.AddTxt(MailFrom, "v=spf1 include:amazonses.com include:broken.provider.test ~all").FailWith("broken.provider.test", ReturnCode.ServerFailure);

        var spf = await CheckAsync();

        Assert.True(spf.Passes);
        var issue = Assert.Single(spf.Issues);
        Assert.Equal((FindingSeverity.Warning, SpfIssueCode.Unchecked), (issue.Severity, issue.Code));
        Assert.Contains("ServerFailure", issue.Message);
    }

    private Task<SpfCheck> CheckAsync() => new DeliverabilityDnsChecks(_dns.ResolverOptions).CheckSpfAsync(MailFrom);
}
