using System.Text.Json;
using System.Text.RegularExpressions;
using MailFromConsole.Core.Route53;
using MailFromConsole.Core.Ses;
using MailFromConsole.LocalAws;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MailFromConsole.EndToEnd;

/// <summary>
/// The console killed with SIGKILL mid-change and started again on the same data folders (its database and the
/// embedded local AWS's): what was under way is finished or resolved, never done twice, and the audit log says so.
/// Each test runs a console of its own, as the shared one must not die under the other tests.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed partial class KillAndRestartTests(ConsoleFixture console)
{
    private const string Region = LocalAwsSeeds.Region;

    [Fact]
    public async Task ABulkJobKilledMidwayResumesAfterTheRestartAndSetsEveryIdentityOnce()
    {
        // Subdomains of the demo zone example.com: each gets its records in Route 53 and its SES setting.
        var identities = Enumerable.Range(1, 20).Select(i => $"k9-{i:D2}.{LocalAwsSeeds.ExampleDomain}").ToList();
        var app = await ConsoleApp.StartOnAsync(await SeededDataFolderAsync(identities));
        try
        {
            var page = await console.Browser.SignInAsync(app.BaseUrl, TestUsers.Operator, $"domains?region={Region}");
            var jobId = await StartBulkJobAsync(page, app, "k9-", identities.Count);

            // SES takes one identity a second: the job is killed once some rows are done and most are not.
            var settled = await WaitForSettledAsync(page, atLeast: 4);
            Assert.InRange(settled, 4, identities.Count / 2);
            await app.KillAsync();
            app = await app.RestartAsync();

            // A page of its own: the old one's reconnect logic reloads it by itself, which would race a reload here.
            page = await console.Browser.SignInAsync(app.BaseUrl, TestUsers.Operator, $"jobs/{jobId}");
            await Expect(page.GetByTestId("job-state")).ToHaveTextAsync("Finished", new() { Timeout = 90_000 });
            await Expect(page.GetByTestId("job-counts")).ToContainTextAsync($"{identities.Count} of {identities.Count} settled: {identities.Count} done, 0 failed");

            await using var aws = app.LocalAwsClients();
            var ses = await aws.GetRequiredService<ISesClient>().GetIdentityMailFromDomainAttributesAsync(Region, [.. identities]);
            Assert.All(identities, i => Assert.Equal(($"mail.{i}", BehaviorOnMxFailure.UseDefaultValue), (ses[i].MailFromDomain, ses[i].BehaviorOnMxFailure)));
            var route53 = aws.GetRequiredService<IRoute53Client>();
            var zone = (await route53.FindPublicHostedZoneAsync(LocalAwsSeeds.ExampleDomain))!;
            var records = await route53.ListResourceRecordSetsAsync(zone.Id, null, null);
            Assert.All(identities, i => Assert.Equal(["10 feedback-smtp.us-east-1.amazonses.com."],
                Assert.Single(records, s => s.Type == "MX" && DnsNames.SameName(s.Name, $"mail.{i}")).Values));

            // No row done twice. Every AWS change has its audit entry written first: one Route 53 batch for the zone,
            // before the kill, and per identity one SES change that took effect. The one under way at the kill (if the
            // kill met a call, not SES's pacing) was resolved at the restart by reading SES.
            var audit = await AuditAsync(page, app, "PublishRecords");
            var batch = Assert.Single(audit, e => e.Detail.StartsWith($"Bulk job {jobId}:", StringComparison.Ordinal));
            Assert.Equal("Success", batch.Result);
            var set = await AuditAsync(page, app, "SetMailFromDomain");
            Assert.All(identities, i =>
            {
                var entries = set.Where(e => e.Identity == i).ToList();
                Assert.Single(entries, e => e.Result == "Success");
                Assert.All(entries.Where(e => e.Result != "Success"), e => Assert.Equal("NotApplied", e.Result));
            });
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task AChangeKilledWhileSesWaitsLeavesItsIntentWhichTheRestartResolvesFromSes()
    {
        // SES takes a minute to answer SetIdentityMailFromDomain: the console is killed while it waits.
        var app = await ConsoleApp.StartAsync(new Dictionary<string, string>
        {
            ["LocalAws:Faults:0:Kind"] = "Delay",
            ["LocalAws:Faults:0:Service"] = "ses",
            ["LocalAws:Faults:0:Action"] = "SetIdentityMailFromDomain",
            ["LocalAws:Faults:0:DelayMilliseconds"] = "60000",
        });
        try
        {
            const string identity = LocalAwsSeeds.ExampleDomain;
            var page = await console.Browser.SignInAsync(app.BaseUrl, TestUsers.Operator, $"domains?identity={identity}&region={Region}");
            var set = page.GetByTestId("mailfrom-panel").GetByTestId("set-mailfrom");
            await Expect(set).ToBeEnabledAsync();
            await set.ClickAsync();
            await page.Locator("input[data-testid=mailfrom-input]").FillAsync("mail." + identity);
            await page.GetByTestId("dialog-set").ClickAsync();

            var intent = await WaitForAuditAsync(page, app, e => e.Identity == identity && e.Result == "InProgress");
            Assert.Equal($"mail.{identity} (UseDefaultValue)", intent.After);
            await app.KillAsync();
            app = await app.RestartAsync();

            var resolved = await WaitForAuditAsync(page, app, e => e.Identity == identity && e.Result != "InProgress");
            Assert.Equal("NotApplied", resolved.Result);
            Assert.StartsWith("Outcome unknown: the console stopped before AWS answered.", resolved.Detail);
            Assert.Contains($"SES has {identity} as Success, MAIL FROM (not set): the change was not applied.", resolved.Detail);
            await using var aws = app.LocalAwsClients();
            var ses = await aws.GetRequiredService<ISesClient>().GetIdentityMailFromDomainAttributesAsync(Region, [identity]);
            Assert.Null(ses.GetValueOrDefault(identity)?.MailFromDomain);

            // The audit log page shows the entry and how it was resolved.
            await page.GotoAsync(new Uri(app.BaseUrl, "audit").ToString());
            await Browser.WaitForCircuitAsync(page);
            var row = page.Locator("tr").Filter(new() { HasText = "the change was not applied" });
            await Expect(row).ToContainTextAsync("NotApplied", new() { Timeout = 30_000 });
            await Expect(row).ToContainTextAsync(identity);
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    /// <summary>A local AWS data folder with the demo seeds and <paramref name="identities"/> verified, made before the console starts.</summary>
    private static async Task<string> SeededDataFolderAsync(IReadOnlyList<string> identities)
    {
        var folder = Path.Combine(Path.GetTempPath(), "mfc-e2e-" + Guid.NewGuid().ToString("N"));
        var options = new LocalAwsOptions { DataFolder = folder, HttpPort = 0, EnableDnsAndDetection = false, SeedDemoData = true };
        await using var server = await LocalAwsServer.StartAsync(options, NullLoggerFactory.Instance, CancellationToken.None);
        server.AddVerifiedIdentities(Region, identities);
        return folder;
    }

    /// <summary>Searches the Domains list, selects every match, reviews and starts the job; returns its id from the job page it opens.</summary>
    private static async Task<long> StartBulkJobAsync(IPage page, ConsoleApp app, string search, int count)
    {
        await page.Locator("input[data-testid=identity-search]").FillAsync(search);
        await Expect(page.GetByTestId("identity-count-title")).ToHaveTextAsync($"Domains ({count})", new() { Timeout = 30_000 });
        await page.GetByTestId("select-all-matching").ClickAsync();
        await Expect(page.GetByTestId("bulk-setup")).ToHaveTextAsync($"Set MAIL FROM Domain for {count} identities");
        await page.GetByTestId("bulk-setup").ClickAsync();
        await page.GetByTestId("bulk-review").ClickAsync();
        await Expect(page.GetByTestId("bulk-review-summary")).ToHaveTextAsync($"{count} of {count} will be set; 0 skipped.", new() { Timeout = 30_000 });
        await page.GetByTestId("bulk-start").ClickAsync();
        try
        {
            // A fresh console on two loaded cores: its start-up sweep shares the database and SES with the job being created.
            await page.WaitForURLAsync(JobPath(), new() { Timeout = 60_000 });
        }
        catch (TimeoutException)
        {
            var shown = string.Join(" | ", await page.Locator(".mud-dialog, .mud-alert, #blazor-error-ui").AllInnerTextsAsync());
            throw new TimeoutException($"The job page did not open. The page showed: {shown}\nThe console logged:\n{app.Output}");
        }
        return long.Parse(JobPath().Match(page.Url).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>How many rows the open job page shows settled, once at least <paramref name="atLeast"/> are.</summary>
    private static async Task<int> WaitForSettledAsync(IPage page, int atLeast)
    {
        // The job first reads each row's records and publishes the zone's batch, then sets one identity a second;
        // on a loaded CI machine a fresh console's start-up reads share those seconds.
        var deadline = DateTime.UtcNow.AddSeconds(120);
        var counts = "";
        while (DateTime.UtcNow < deadline)
        {
            counts = await page.GetByTestId("job-counts").InnerTextAsync();
            var settled = int.Parse(SettledCount().Match(counts).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (settled >= atLeast) return settled;
            await Task.Delay(100);
        }
        var rows = string.Join("; ", await page.Locator("tr").AllInnerTextsAsync());
        throw new TimeoutException($"The job did not settle {atLeast} rows within 120 s. Its page said \"{counts}\"; rows: {rows}");
    }

    private sealed record Entry(string Identity, string Result, string Detail, string After);

    /// <summary>The audit log's entries of one action, through its JSON export (the signed-in page's cookies).</summary>
    private static async Task<IReadOnlyList<Entry>> AuditAsync(IPage page, ConsoleApp app, string action)
    {
        var response = await page.APIRequest.GetAsync(new Uri(app.BaseUrl, $"audit/export.json?action={action}").ToString());
        Assert.True(response.Ok, $"The audit export answered {response.Status}.");
        using var json = JsonDocument.Parse(await response.TextAsync());
        return [.. json.RootElement.EnumerateArray().Select(e => new Entry(
            e.GetProperty("identity").GetString()!, e.GetProperty("result").GetString()!,
            e.GetProperty("detail").GetString() ?? "", e.GetProperty("after").GetString() ?? ""))];
    }

    /// <summary>The SetMailFromDomain entry that matches, once the log has it (the restart resolves entries in the background).</summary>
    private static async Task<Entry> WaitForAuditAsync(IPage page, ConsoleApp app, Func<Entry, bool> match)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if ((await AuditAsync(page, app, "SetMailFromDomain")).FirstOrDefault(match) is { } found) return found;
            await Task.Delay(100);
        }
        throw new TimeoutException("No such SetMailFromDomain entry in the audit log within 30 s.");
    }

    [GeneratedRegex(@"/jobs/(\d+)(\?|$)")]
    private static partial Regex JobPath();

    [GeneratedRegex(@"(\d+) of \d+ settled")]
    private static partial Regex SettledCount();
}
