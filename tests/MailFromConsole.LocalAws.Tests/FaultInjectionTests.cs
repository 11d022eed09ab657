using System.Net;
using System.Text;
using MailFromConsole.LocalAws.Local;
using MailFromConsole.LocalAws.Tests.Support;
using static MailFromConsole.LocalAws.Tests.Support.Route53Xml;

namespace MailFromConsole.LocalAws.Tests;

public sealed class FaultInjectionTests
{
    [Fact]
    public async Task InjectedThrottlingHitsTheCountedRequestsThenStops()
    {
        await using var aws = await LocalAwsFixture.StartAsync();
        using var added = await aws.PostJsonAsync("/_local/faults", """{"kind":"Throttling","service":"ses","action":"GetIdentityMailFromDomainAttributes","count":1}""");

        var first = await aws.SesAsync("GetIdentityMailFromDomainAttributes", ("Identities.member.1", "example.com"));
        var second = await aws.SesAsync("GetIdentityMailFromDomainAttributes", ("Identities.member.1", "example.com"));
        var other = await aws.SesAsync("ListIdentities");

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        first.ShouldFail(HttpStatusCode.BadRequest, "Throttling");
        second.ShouldSucceed();
        other.ShouldSucceed();
    }

    [Fact]
    public async Task InjectedServerErrorAnswersFiveHundred()
    {
        await using var aws = await LocalAwsFixture.StartAsync(o => o.Faults.Add(new FaultRule { Kind = FaultKind.ServerError, StatusCode = 503, Service = "route53" }));

        var answer = await aws.Route53Async(HttpMethod.Get, "/2013-04-01/hostedzonesbyname");
        var ses = await aws.SesAsync("ListIdentities");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.Status);
        ses.ShouldSucceed();
    }

    [Fact]
    public async Task InjectedPriorRequestNotCompleteRefusesTheChangeAndAppliesNothing()
    {
        await using var aws = await LocalAwsFixture.StartAsync();
        var zone = await ZoneIdAsync(aws, "example.com.");
        aws.Server.InjectFault(new FaultRule { Kind = FaultKind.PriorRequestNotComplete, Action = "ChangeResourceRecordSets", Count = 1 });

        var answer = await aws.Route53Async(HttpMethod.Post, $"/2013-04-01/hostedzone/{zone}/rrset/", Batch(
            Change("CREATE", "mail.example.com", "MX", 300, "10 feedback-smtp.us-east-1.amazonses.com")));

        answer.ShouldFail(HttpStatusCode.BadRequest, "PriorRequestNotComplete");
        Assert.Empty(aws.Server.ZoneData.RecordsAt("example.com.", "mail.example.com."));
    }

    [Fact]
    public async Task InjectedDelayHoldsTheAnswer()
    {
        await using var aws = await LocalAwsFixture.StartAsync(o => o.Faults.Add(new FaultRule { Kind = FaultKind.Delay, DelayMilliseconds = 300, Count = 1 }));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        (await aws.SesAsync("ListIdentities")).ShouldSucceed();

        Assert.True(clock.ElapsedMilliseconds >= 300, $"answered after {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task ClearingFaultsRestoresNormalAnswers()
    {
        await using var aws = await LocalAwsFixture.StartAsync(o => o.Faults.Add(new FaultRule { Kind = FaultKind.Throttling }));
        using var http = new HttpClient { DefaultRequestHeaders = { { LocalApiGuard.Header, "1" } } };

        using var cleared = await http.DeleteAsync(new Uri(aws.Endpoint, "/_local/faults"));
        var answer = await aws.SesAsync("ListIdentities");

        Assert.Equal(HttpStatusCode.NoContent, cleared.StatusCode);
        answer.ShouldSucceed();
    }

    [Fact]
    public async Task APlainCrossSiteFetchCannotInjectFaults()
    {
        await using var aws = await LocalAwsFixture.StartAsync();
        using var http = new HttpClient();
        const string rule = """{"kind":"ServerError","service":"route53"}""";

        // What a page on another site can send without a preflight: no custom header, a "simple" content type.
        using var asText = await http.PostAsync(new Uri(aws.Endpoint, "/_local/faults"), new StringContent(rule, Encoding.UTF8, "text/plain"));
        using var withoutHeader = await http.PostAsync(new Uri(aws.Endpoint, "/_local/faults"), new StringContent(rule, Encoding.UTF8, "application/json"));
        using var clearWithoutHeader = await http.DeleteAsync(new Uri(aws.Endpoint, "/_local/faults"));
        using var asTextWithHeader = await http.SendAsync(new HttpRequestMessage(HttpMethod.Post, new Uri(aws.Endpoint, "/_local/faults"))
        {
            Content = new StringContent(rule, Encoding.UTF8, "text/plain"),
            Headers = { { LocalApiGuard.Header, "1" } },
        });

        Assert.All(new[] { asText, withoutHeader, clearWithoutHeader, asTextWithHeader }, r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.Contains(LocalApiGuard.Header, await withoutHeader.Content.ReadAsStringAsync());
        (await aws.SesAsync("ListIdentities")).ShouldSucceed();
        var faults = await http.GetStringAsync(new Uri(aws.Endpoint, "/_local/faults"));
        Assert.Equal("[]", faults);
    }

    [Fact]
    public async Task AsTheConsoleStartsItItsOwnPortServesNoLocalPagesButTheAwsCliStillWorks()
    {
        await using var aws = await LocalAwsFixture.StartAsync(o => o.PagesOnOwnPort = false);
        using var http = new HttpClient { DefaultRequestHeaders = { { LocalApiGuard.Header, "1" } } };

        using var mailbox = await http.GetAsync(new Uri(aws.Endpoint, "/_local/mailbox"));
        using var outside = await http.GetAsync(new Uri(aws.Endpoint, "/_local/outside-dns"));
        using var listFaults = await http.GetAsync(new Uri(aws.Endpoint, "/_local/faults"));
        using var addFault = await http.PostAsync(new Uri(aws.Endpoint, "/_local/faults"),
            new StringContent("""{"kind":"ServerError","service":"ses"}""", Encoding.UTF8, "application/json"));

        Assert.All(new[] { mailbox, outside, listFaults, addFault }, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.Contains("on the console, behind its sign-in", await mailbox.Content.ReadAsStringAsync());
        var cli = await RealClient.AwsAsync(aws.Endpoint, "ses", "list-identities");
        Assert.True(cli.ExitCode == 0, cli.Stderr);
        Assert.Contains("example.com", cli.Stdout);
    }
}
