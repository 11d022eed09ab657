using MailFromConsole.Core.Diagnosis;

namespace MailFromConsole.Core.Tests.Dns;

/// <summary>The live diagnosis against a real authoritative DNS server on loopback, one zone per test.</summary>
public sealed class MailFromDnsDiagnosticsTests : IDisposable
{
    private const string Domain = "mail.example.com";
    private const string Region = "us-east-1";
    private const string SesMx = "feedback-smtp.us-east-1.amazonses.com";

    private readonly LoopbackDnsServer _dns = LoopbackDnsServer.Start("example.com");

    public void Dispose()
    {
        _dns.Dispose();
        Assert.Empty(_dns.ServerErrors);
    }

    [Fact]
    public async Task ReportsMxOkAndSpfOkWhenBothRecordsAreRight()
    {
        _dns.AddMx(Domain, 10, SesMx).AddTxt(Domain, "v=spf1 include:amazonses.com ~all");

        var diagnosis = await DiagnoseAsync();

        Assert.True(diagnosis.IsReady);
        Assert.Equal(["MxOk", "SpfOk"], Codes(diagnosis));
        Assert.Contains("exactly one MX record", Finding(diagnosis, "MxOk").Message);
        Assert.Equal([SesMx], diagnosis.MxHosts);
        Assert.Equal(["v=spf1 include:amazonses.com ~all"], diagnosis.TxtValues);
    }

    [Fact]
    public async Task ReportsNoMxWhenTheNameDoesNotExist()
    {
        var diagnosis = await DiagnoseAsync();

        Assert.False(diagnosis.IsReady);
        var finding = Finding(diagnosis, "NoMx");
        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Contains("does not exist in DNS yet", finding.Message);
        Assert.Contains($"10 {SesMx}", finding.Message);
    }

    [Fact]
    public async Task ReportsNoMxWhenTheNameHasOtherRecordsOnly()
    {
        _dns.AddTxt(Domain, "v=spf1 include:amazonses.com ~all");

        var diagnosis = await DiagnoseAsync();

        Assert.Contains("has no MX record", Finding(diagnosis, "NoMx").Message);
        Assert.Contains("SpfOk", Codes(diagnosis));
    }

    [Fact]
    public async Task ReportsSeveralMxBecauseSesSetupFailsWithMoreThanOne()
    {
        _dns.AddMx(Domain, 10, SesMx).AddMx(Domain, 20, "feedback-smtp.eu-west-1.amazonses.com").AddTxt(Domain, "v=spf1 include:amazonses.com ~all");

        var diagnosis = await DiagnoseAsync();

        var finding = Finding(diagnosis, "SeveralMx");
        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Contains("needs exactly one", finding.Message);
        Assert.DoesNotContain("MxOk", Codes(diagnosis));
        Assert.DoesNotContain("ReceivesMail", Codes(diagnosis));
    }

    [Fact]
    public async Task ReportsWrongMxHostWhenTheProviderAppendedTheZoneName()
    {
        _dns.AddMx(Domain, 10, SesMx + ".example.com").AddTxt(Domain, "v=spf1 include:amazonses.com ~all");

        var diagnosis = await DiagnoseAsync();

        var finding = Finding(diagnosis, "WrongMxHost");
        Assert.Contains("is not an SES feedback host", finding.Message);
        Assert.Contains("added your domain to the end", finding.Message);
        Assert.DoesNotContain("ReceivesMail", Codes(diagnosis));
    }

    [Fact]
    public async Task ReportsWrongMxHostForANullMx()
    {
        _dns.AddMx(Domain, 0, ".");

        var diagnosis = await DiagnoseAsync();

        Assert.Contains("null MX", Finding(diagnosis, "WrongMxHost").Message);
    }

    [Fact]
    public async Task ReportsReceivesMailWhenTheMxPointsAtAMailServer()
    {
        _dns.AddMx(Domain, 10, "mx1.mailprovider.example.com").AddTxt(Domain, "v=spf1 include:amazonses.com ~all");

        var diagnosis = await DiagnoseAsync();

        var finding = Finding(diagnosis, "ReceivesMail");
        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Contains("already receives mail", finding.Message);
        Assert.Contains("mx1.mailprovider.example.com", finding.Message);
        Assert.Contains("Choose another subdomain", finding.Message);
        Assert.DoesNotContain("WrongMxHost", Codes(diagnosis));
    }

    [Fact]
    public async Task ReportsCnameAtTheName()
    {
        _dns.AddCname(Domain, "target.example.com").AddMx("target.example.com", 10, SesMx);

        var diagnosis = await DiagnoseAsync();

        var finding = Finding(diagnosis, "Cname");
        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Contains("alias (CNAME record) of target.example.com", finding.Message);
        Assert.Contains("Delete the CNAME", finding.Message);
    }

    [Fact]
    public async Task ReportsNoSpfWhenNoTxtValueIsAnSpfRecord()
    {
        _dns.AddMx(Domain, 10, SesMx).AddTxt(Domain, "google-site-verification=abc123");

        var diagnosis = await DiagnoseAsync();

        var finding = Finding(diagnosis, "NoSpf");
        Assert.Contains("has no SPF record", finding.Message);
        Assert.Contains("v=spf1 include:amazonses.com ~all", finding.Message);
        Assert.False(diagnosis.IsReady);
    }

    [Fact]
    public async Task ReportsSpfWithoutAmazonSesAndSuggestsTheMergedRecord()
    {
        _dns.AddMx(Domain, 10, SesMx).AddTxt(Domain, "v=spf1 include:_spf.example.net -all");

        var diagnosis = await DiagnoseAsync();

        var finding = Finding(diagnosis, "SpfWithoutAmazonSes");
        Assert.Contains("does not include amazonses.com", finding.Message);
        Assert.Contains("\"v=spf1 include:_spf.example.net include:amazonses.com -all\"", finding.Message);
    }

    [Fact]
    public async Task ReportsTwoSpfRecords()
    {
        _dns.AddMx(Domain, 10, SesMx).AddTxt(Domain, "v=spf1 include:amazonses.com ~all").AddTxt(Domain, "v=spf1 mx -all");

        var diagnosis = await DiagnoseAsync();

        var finding = Finding(diagnosis, "TwoSpf");
        Assert.Contains("has 2 SPF records", finding.Message);
        Assert.Contains("Combine them into one record", finding.Message);
        Assert.DoesNotContain("SpfOk", Codes(diagnosis));
    }

    [Fact]
    public async Task WarnsWhenTheSpfRecordNeedsMoreThanTenLookups()
    {
        var includes = string.Join(' ', Enumerable.Range(1, 10).Select(i => $"include:spf{i}.example.net"));
        var spf = $"v=spf1 {includes} include:amazonses.com ~all";
        _dns.AddMx(Domain, 10, SesMx).AddTxt(Domain, spf[..200], spf[200..]);

        var diagnosis = await DiagnoseAsync();

        var finding = Finding(diagnosis, "SpfTooManyLookups");
        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Contains("needs 11 DNS lookups", finding.Message);
    }

    [Fact]
    public async Task AcceptsAnMxToAnotherRegionsFeedbackHost()
    {
        _dns.AddMx(Domain, 10, "feedback-smtp.eu-west-1.amazonses.com").AddTxt(Domain, "v=spf1 include:amazonses.com ~all");

        var diagnosis = await DiagnoseAsync();

        Assert.True(diagnosis.IsReady);
        Assert.Contains("one MX serves every region", Finding(diagnosis, "MxOk").Message);
    }

    [Fact]
    public async Task ReadsLongTxtAnswersOverTcpAndJoinsTheirStrings()
    {
        // Many long TXT records make the answer larger than the client's UDP buffer, so it must retry over TCP.
        var longSpf = "v=spf1 " + string.Join(' ', Enumerable.Range(1, 9).Select(i => $"ip4:192.0.2.{i}")) + " include:amazonses.com "
                      + new string('x', 200) + " ~all";
        var parts = new[] { longSpf[..255], longSpf[255..] };
        _dns.AddMx(Domain, 10, SesMx).AddTxt(Domain, parts);
        foreach (var i in Enumerable.Range(1, 24))
        {
            _dns.AddTxt(Domain, $"verification-{i}=" + new string('t', 230));
        }

        var diagnosis = await DiagnoseAsync();

        Assert.Contains(longSpf, diagnosis.TxtValues);
        Assert.Equal(25, diagnosis.TxtValues.Count);
        Assert.Contains("SpfOk", Codes(diagnosis));
        Assert.True(_dns.TcpQueries > 0, "the TXT answer should have been fetched over TCP");
    }

    [Fact]
    public async Task ReportsTimeoutWhenTheServerNeverAnswers()
    {
        using var silent = new SilentUdpServer();
        var diagnostics = new MailFromDnsDiagnostics(new DnsResolverOptions { Resolver = silent.Resolver, Timeout = TimeSpan.FromMilliseconds(300) });

        var diagnosis = await diagnostics.DiagnoseAsync(Domain, Region);

        var finding = Assert.Single(diagnosis.Findings);
        Assert.Equal(DnsFindingCode.Timeout, finding.Code);
        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Contains("TemporaryFailure", finding.Message);
        Assert.False(diagnosis.IsReady);
    }

    [Fact]
    public async Task ReportsAFindingRatherThanThrowingWhenNothingListensAtTheResolver()
    {
        int closedPort;
        using (var probe = new System.Net.Sockets.UdpClient(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0)))
        {
            closedPort = ((System.Net.IPEndPoint)probe.Client.LocalEndPoint!).Port;
        }
        var diagnostics = new MailFromDnsDiagnostics(new DnsResolverOptions { Resolver = $"127.0.0.1:{closedPort}", Timeout = TimeSpan.FromMilliseconds(300) });

        var diagnosis = await diagnostics.DiagnoseAsync(Domain, Region);

        Assert.NotEmpty(diagnosis.Findings);
        Assert.All(diagnosis.Findings, f => Assert.Contains(f.Code, new[] { DnsFindingCode.Timeout, DnsFindingCode.DnsError }));
        Assert.False(diagnosis.IsReady);
    }

    [Fact]
    public async Task ReportsADnsErrorWhenTheServerFails()
    {
        _dns.FailWith(Domain, ARSoft.Tools.Net.Dns.ReturnCode.ServerFailure);

        var diagnosis = await DiagnoseAsync();

        Assert.All(diagnosis.Findings, f => Assert.Equal(DnsFindingCode.DnsError, f.Code));
        Assert.Equal(3, diagnosis.Findings.Count);
        Assert.Contains("with an error (ServerFailure)", diagnosis.Findings[0].Message);
        Assert.False(diagnosis.IsReady);
    }

    [Fact]
    public async Task StopsWhenTheCallerCancelsRatherThanReportingATimeout()
    {
        using var silent = new SilentUdpServer();
        var diagnostics = new MailFromDnsDiagnostics(new DnsResolverOptions { Resolver = silent.Resolver, Timeout = TimeSpan.FromSeconds(30) });
        using var cancellation = new CancellationTokenSource();
        var diagnosis = diagnostics.DiagnoseAsync(Domain, Region, cancellation.Token);
        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => diagnosis);
    }

    [Fact]
    public async Task ReportsAnInvalidNameWithoutAskingDns()
    {
        var diagnosis = await DiagnoseAsync("mail..example.com");

        var finding = Assert.Single(diagnosis.Findings);
        Assert.Equal(DnsFindingCode.InvalidName, finding.Code);
        Assert.Contains("empty part between two dots", finding.Message);
    }

    [Fact]
    public async Task NormalisesTheNameBeforeAsking()
    {
        _dns.AddMx(Domain, 10, SesMx).AddTxt(Domain, "v=spf1 include:amazonses.com ~all");

        var diagnosis = await DiagnoseAsync("MAIL.Example.COM.");

        Assert.Equal(Domain, diagnosis.MailFromDomain);
        Assert.True(diagnosis.IsReady);
    }

    [Fact]
    public void RefusesAResolverSettingThatIsNotSystemOrHostAndPort()
    {
        var error = Assert.Throws<ArgumentException>(() => new MailFromDnsDiagnostics(new DnsResolverOptions { Resolver = "127.0.0.1:notaport" }));

        Assert.Contains("host:port", error.Message);
    }

    [Fact]
    public void ExplainsThatTheLocalResolverMustBeGivenAsAnAddress()
    {
        var error = Assert.Throws<ArgumentException>(() => new MailFromDnsDiagnostics(new DnsResolverOptions { Resolver = "local" }));

        Assert.Contains("LocalAws:DnsPort", error.Message);
    }

    private Task<DnsDiagnosis> DiagnoseAsync(string domain = Domain) =>
        new MailFromDnsDiagnostics(_dns.ResolverOptions)
            .DiagnoseAsync(domain, Region);

    private static DnsFinding Finding(DnsDiagnosis diagnosis, string code) =>
        diagnosis.Findings.SingleOrDefault(f => f.Code.ToString() == code)
        ?? throw new Xunit.Sdk.XunitException($"No {code} finding; got: {string.Join(" | ", diagnosis.Findings.Select(f => $"{f.Code}: {f.Message}"))}");

    private static List<string> Codes(DnsDiagnosis diagnosis) => diagnosis.Findings.Select(f => f.Code.ToString()).ToList();
}
