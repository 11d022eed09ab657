using ARSoft.Tools.Net.Dns;
using MailFromConsole.Core.Deliverability;
using MailFromConsole.Core.Diagnosis;
using MailFromConsole.Core.Tests.Dns;

namespace MailFromConsole.Core.Tests.Deliverability;

/// <summary>The DMARC lookup against a real authoritative DNS server on loopback.</summary>
public sealed class DmarcLookupTests : IDisposable
{
    private readonly LoopbackDnsServer _dns = LoopbackDnsServer.Start("example.com", "example.co.uk");

    public void Dispose()
    {
        _dns.Dispose();
        Assert.Empty(_dns.ServerErrors);
    }

    [Fact]
    public async Task FindsTheRecordAtTheDomainItself()
    {
        _dns.AddTxt("_dmarc.example.com", "v=DMARC1; p=reject; rua=mailto:dmarc@example.com").AddTxt("_dmarc.example.com", "unrelated=1");

        var lookup = await Checks().LookUpDmarcAsync("example.com");

        Assert.Equal(DmarcLookupStatus.Found, lookup.Status);
        Assert.False(lookup.FromOrganizationalDomain);
        Assert.Equal(DmarcPolicy.Reject, lookup.AppliedPolicy);
        Assert.Equal(["v=DMARC1; p=reject; rua=mailto:dmarc@example.com"], lookup.Records);
        Assert.Contains("_dmarc.example.com has a DMARC record: policy reject", lookup.Message);
    }

    [Fact]
    public async Task ASubdomainWithoutItsOwnRecordGetsTheOrganisationalDomainsSubdomainPolicy()
    {
        _dns.AddTxt("_dmarc.example.com", "v=DMARC1; p=reject; sp=quarantine; pct=25");

        var lookup = await Checks().LookUpDmarcAsync("news.example.com");

        Assert.Equal(DmarcLookupStatus.Found, lookup.Status);
        Assert.True(lookup.FromOrganizationalDomain);
        Assert.Equal("_dmarc.example.com", lookup.RecordName);
        Assert.Equal(DmarcPolicy.Quarantine, lookup.AppliedPolicy);
        Assert.Contains("applied to news.example.com as a subdomain", lookup.Message);
        Assert.Contains("for 25% of failing mail", lookup.Message);
    }

    [Fact]
    public async Task ASubdomainsOwnRecordWinsOverTheOrganisationalDomains()
    {
        _dns.AddTxt("_dmarc.example.com", "v=DMARC1; p=reject").AddTxt("_dmarc.news.example.com", "v=DMARC1; p=none");

        var lookup = await Checks().LookUpDmarcAsync("news.example.com");

        Assert.Equal("news.example.com", lookup.PolicyDomain);
        Assert.Equal(DmarcPolicy.None, lookup.AppliedPolicy);
    }

    [Fact]
    public async Task TheFallbackUsesTwoLabelPublicSuffixes()
    {
        _dns.AddTxt("_dmarc.example.co.uk", "v=DMARC1; p=none");

        var lookup = await Checks().LookUpDmarcAsync("shop.example.co.uk");

        Assert.Equal(DmarcLookupStatus.Found, lookup.Status);
        Assert.Equal("example.co.uk", lookup.PolicyDomain);
    }

    [Fact]
    public async Task SeveralRecordsAreInvalidAndNoPolicyApplies()
    {
        _dns.AddTxt("_dmarc.example.com", "v=DMARC1; p=none").AddTxt("_dmarc.example.com", "v=DMARC1; p=reject");

        var lookup = await Checks().LookUpDmarcAsync("example.com");

        Assert.Equal(DmarcLookupStatus.Several, lookup.Status);
        Assert.Null(lookup.AppliedPolicy);
        Assert.Equal(2, lookup.Records.Count);
        Assert.Contains("has 2 DMARC records; receivers then apply no DMARC policy", lookup.Message);
    }

    [Fact]
    public async Task SeveralRecordsAtASubdomainDoNotFallBackToTheOrganisationalDomain()
    {
        _dns.AddTxt("_dmarc.example.com", "v=DMARC1; p=reject")
            .AddTxt("_dmarc.news.example.com", "v=DMARC1; p=none").AddTxt("_dmarc.news.example.com", "v=DMARC1; p=quarantine");

        var lookup = await Checks().LookUpDmarcAsync("news.example.com");

        Assert.Equal(DmarcLookupStatus.Several, lookup.Status);
        Assert.Equal("news.example.com", lookup.PolicyDomain);
    }

    [Fact]
    public async Task AnInvalidRecordNamesItsSyntaxError()
    {
        _dns.AddTxt("_dmarc.example.com", "v=DMARC1; p=reject; pct=200");

        var lookup = await Checks().LookUpDmarcAsync("example.com");

        Assert.Equal(DmarcLookupStatus.Invalid, lookup.Status);
        Assert.Contains("pct=200 is not a whole number from 0 to 100", lookup.Message);
        Assert.Contains("_dmarc.example.com", lookup.Message);
    }

    [Fact]
    public async Task NoRecordAnywhereSaysWhereItLooked()
    {
        var lookup = await Checks().LookUpDmarcAsync("mail.example.com");

        Assert.Equal(DmarcLookupStatus.None, lookup.Status);
        Assert.Equal("example.com", lookup.PolicyDomain);
        Assert.Contains("no DMARC record at _dmarc.mail.example.com nor at _dmarc.example.com", lookup.Message);
    }

    [Fact]
    public async Task ABrokenZoneIsADnsFailureNotAMissingRecord()
    {
        _dns.FailWith("_dmarc.example.com", ReturnCode.ServerFailure);

        var lookup = await Checks().LookUpDmarcAsync("example.com");

        Assert.Equal(DmarcLookupStatus.DnsFailed, lookup.Status);
        Assert.Contains("ServerFailure", lookup.Message);
    }

    private DeliverabilityDnsChecks Checks() => new(_dns.ResolverOptions);
}
