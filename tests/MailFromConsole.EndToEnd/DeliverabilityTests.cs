using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using MailFromConsole.LocalAws;
using MailFromConsole.LocalAws.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MailFromConsole.EndToEnd;

/// <summary>Deliverability on the local AWS: a domain is taken to passing DMARC with records published using Route 53.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class DeliverabilityTests(ConsoleFixture console)
{
    private const string Region = LocalAwsSeeds.Region;

    // A domain of this test's own, so the seeds other tests start from keep their DKIM and DMARC state.
    private const string Domain = "newsletter.test";

    private static readonly HttpClient Http = new();

    [Fact]
    public async Task ANewDomainGoesFromDkimMissingAndNoDmarcToPassingDmarcWithTheRecordsPublishedUsingRoute53()
    {
        await CreateHostedZoneAsync(Domain);
        await VerifyNewDomainAsync(Domain);

        var page = await console.Browser.SignInAsync(console.App.BaseUrl, TestUsers.Operator, $"domains?identity={Domain}&region={Region}");
        await page.GetByTestId("deliverability-panel").GetByText("Deliverability: MAIL FROM, DKIM, SPF and DMARC").ClickAsync();
        var section = page.GetByTestId("deliverability-section");
        var verdict = section.GetByTestId("deliverability-verdict");
        var readiness = Row(page, Domain).GetByTestId("readiness-chip");

        // Before: no Easy DKIM, no DMARC record, said in the details pane and in the list's DMARC Readiness column.
        await Expect(verdict).ToHaveTextAsync($"Mail from {Domain} is not checked against DMARC: {Domain} has no valid DMARC record.");
        await Expect(section.GetByTestId("deliverability-gaps")).ToContainTextAsync($"DKIM is missing: Easy DKIM is not set up for {Domain}");
        await Expect(section.GetByTestId("deliverability-gaps")).ToContainTextAsync($"There is no DMARC record at _dmarc.{Domain}");
        await Expect(readiness).ToHaveTextAsync("DKIM missing");

        await section.GetByTestId("enable-dkim").ClickAsync();
        var cnames = section.GetByTestId("deliverability-dkim-cname");
        await Expect(cnames).ToHaveCountAsync(3);
        foreach (var cname in await cnames.AllAsync())
            await Expect(cname).ToContainTextAsync("missing in DNS");
        await Expect(section.GetByTestId("deliverability-gaps")).ToContainTextAsync("DKIM is missing: 3 of the 3 DKIM CNAME records are not in DNS");

        // The DKIM CNAMEs: the preview shows the three names, each to <token>.dkim.amazonses.com, then one batch.
        var dkim = section.GetByTestId("dkim-publish");
        await Expect(dkim.GetByTestId("preview-line")).ToHaveCountAsync(3);
        foreach (var line in await dkim.GetByTestId("preview-line").AllAsync())
        {
            var cells = await line.Locator("td").AllInnerTextsAsync();
            var token = Regex.Match(cells[1], $@"^([a-z0-9]+)\._domainkey\.{Regex.Escape(Domain)}\.$").Groups[1].Value;
            Assert.Equal(["Add", $"{token}._domainkey.{Domain}.", "CNAME", "—", $"{token}.dkim.amazonses.com."], cells.Select(c => c.Trim()));
            Assert.NotEmpty(token);
        }
        await dkim.GetByTestId("publish-route53").ClickAsync();
        // Once Route 53 has them (INSYNC), the pane asks DNS again: all three are there, so the panel has done its part.
        await Expect(page.GetByTestId("flash-text").Filter(new() { HasText = $"._domainkey.{Domain} using Route 53" })).ToContainTextAsync("INSYNC", new() { Timeout = 30_000 });
        foreach (var cname in await cnames.AllAsync())
            await Expect(cname).ToContainTextAsync("published");
        await Expect(dkim).ToHaveCountAsync(0);

        // The DMARC record the console suggests, with the report address the user types.
        await section.Locator("input[data-testid=dmarc-rua]").FillAsync($"dmarc-reports@{Domain}");
        var suggested = $"v=DMARC1; p=none; rua=mailto:dmarc-reports@{Domain}";
        await Expect(section.GetByTestId("dmarc-record")).ToHaveTextAsync($"_dmarc.{Domain} TXT \"{suggested}\"");
        await section.GetByTestId("dmarc-preview").ClickAsync();
        var dmarc = section.GetByTestId("dmarc-publish");
        await Expect(dmarc.GetByTestId("preview-line")).ToHaveAttributeAsync("data-kind", "Add");
        await Expect(dmarc.GetByTestId("preview-line")).ToContainTextAsync(suggested);
        await dmarc.GetByTestId("publish-route53").ClickAsync();
        await Expect(dmarc.GetByTestId("change-status")).ToHaveTextAsync("INSYNC", new() { Timeout = 30_000 });

        // SES (the local AWS) finds the CNAMEs by itself; the pane and the list follow without a reload.
        await Expect(section.GetByTestId("deliverability-dkim")).ToContainTextAsync("Signing on, status Success", new() { Timeout = 45_000 });
        await Expect(section.GetByTestId("deliverability-dmarc")).ToContainTextAsync($"_dmarc.{Domain} has a DMARC record: policy none.");
        await Expect(section.GetByTestId("deliverability-dmarc")).ToContainTextAsync($"aspf=r (relaxed), adkim=r (relaxed), pct=100, reports to mailto:dmarc-reports@{Domain}");
        await Expect(verdict).ToHaveTextAsync($"Mail from {Domain} passes DMARC through DKIM only; SPF does not align.");
        await Expect(section.GetByTestId("deliverability-gap")).ToHaveCountAsync(1);
        await Expect(section.GetByTestId("deliverability-gap")).ToHaveAttributeAsync("data-code", "NoMailFromDomain");
        await Expect(readiness).ToHaveTextAsync("Passes DMARC (DKIM only)");
    }

    /// <summary>An Admin verifies the domain in the console (only Admins add identities).</summary>
    private async Task VerifyNewDomainAsync(string domain)
    {
        var admin = await console.Browser.SignInAsync(console.App.BaseUrl, TestUsers.Admin, $"domains?region={Region}");
        await admin.GetByTestId("add-identity").ClickAsync();
        await admin.Locator("input[data-testid=identity-input]").FillAsync(domain);
        await admin.GetByTestId("verify-identity").ClickAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Close", Exact = true }).ClickAsync();
        await Expect(Row(admin, domain)).ToBeVisibleAsync();
        await admin.Context.CloseAsync();
    }

    private static ILocator Row(IPage page, string identity) =>
        page.Locator("tr.identity-row").Filter(new() { Has = page.GetByTestId("identity-link").GetByText(identity, new() { Exact = true }) });

    /// <summary>
    /// The domain's owner creates its public hosted zone in Route 53 (a signed call to the local Route 53; the console
    /// does not create zones). Route 53 answers Throttling when the shared console's own reads use the account's rate;
    /// like the AWS SDKs, this client sends the request again after a growing pause, a few times.
    /// </summary>
    private async Task CreateHostedZoneAsync(string domain)
    {
        XNamespace ns = "https://route53.amazonaws.com/doc/2013-04-01/";
        var body = Encoding.UTF8.GetBytes(new XDocument(new XElement(ns + "CreateHostedZoneRequest",
            new XElement(ns + "Name", domain),
            new XElement(ns + "CallerReference", "e2e-" + Guid.NewGuid().ToString("N")))).ToString(SaveOptions.DisableFormatting));
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(console.App.LocalAwsUrl, "2013-04-01/hostedzone"))
            {
                Content = new ByteArrayContent(body),
            };
            request.Content.Headers.ContentType = new("text/xml");
            TestSigner.Sign(request, body, "us-east-1", "route53", "test", "test", DateTimeOffset.UtcNow);
            using var response = await Http.SendAsync(request);
            var answer = await response.Content.ReadAsStringAsync();
            if (attempt < 5 && answer.Contains("<Code>Throttling</Code>", StringComparison.Ordinal))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt));
                continue;
            }
            Assert.True(response.IsSuccessStatusCode, $"CreateHostedZone {domain}: {(int)response.StatusCode} {answer}");
            return;
        }
    }
}
