using MailFromConsole.Core.Route53;
using MailFromConsole.LocalAws;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MailFromConsole.EndToEnd;

/// <summary>The account view as users see it: every open page follows a change by itself, and drift is noticed.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class AccountViewTests(ConsoleFixture console)
{
    private const string Region = LocalAwsSeeds.Region;

    [Fact]
    public async Task ListRowAndDetailsPaneAgreeAfterSetAndAfterDisable()
    {
        var page = await console.Browser.SignInAsync(console.App.BaseUrl, TestUsers.Operator, $"domains?identity={LocalAwsSeeds.TwoMxDomain}&region={Region}");

        await SetMailFromAsync(page, "agree." + LocalAwsSeeds.TwoMxDomain);
        await page.GetByTestId("records-close").ClickAsync();
        await ExpectRowAndPaneAsync(page, LocalAwsSeeds.TwoMxDomain, "agree." + LocalAwsSeeds.TwoMxDomain, "Pending");

        await page.GetByTestId("mailfrom-panel").GetByTestId("disable-mailfrom").ClickAsync();
        await ExpectRowAndPaneAsync(page, LocalAwsSeeds.TwoMxDomain, null, "Not started");
    }

    [Fact]
    public async Task AViewersOpenPageFollowsAnOperatorsChangeWithoutReload()
    {
        var path = $"domains?identity={LocalAwsSeeds.ConflictingSpfDomain}&region={Region}";
        var viewer = await console.Browser.SignInAsync(console.App.BaseUrl, TestUsers.Viewer, path);
        await Expect(viewer.GetByTestId("mailfrom-section").GetByTestId("mailfrom-domain")).ToBeVisibleAsync();
        var mailFrom = $"viewer-{Guid.NewGuid():N}"[..15] + "." + LocalAwsSeeds.ConflictingSpfDomain;

        var operatorPage = await console.Browser.SignInAsync(console.App.BaseUrl, TestUsers.Operator, path);
        await SetMailFromAsync(operatorPage, mailFrom);

        await ExpectRowAndPaneAsync(viewer, LocalAwsSeeds.ConflictingSpfDomain, mailFrom, "Pending");
    }

    [Fact]
    public async Task AnMxDeletedThroughRoute53IsFlaggedOnTheDashboardAndInTheHistory()
    {
        var page = await console.Browser.SignInAsync(console.App.BaseUrl, TestUsers.Operator, $"domains?identity={LocalAwsSeeds.ReadyDomain}&region={Region}");
        // The drift watch has read the MX once: what it compares against.
        await Expect(page.GetByTestId("history-dns")).ToContainTextAsync("feedback-smtp.us-east-1.amazonses.com", new() { Timeout = 30_000 });

        await DeleteReadyMxAsync();

        var entry = page.GetByTestId("history-entry").Filter(new() { HasText = $"MX record of {LocalAwsSeeds.ReadyMailFromDomain} is gone" });
        await Expect(entry).ToHaveAttributeAsync("data-drift", "true", new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("history-dns")).ToContainTextAsync("no MX record");
        await page.GetByTestId("drift-bell").ClickAsync();
        await Expect(page.GetByTestId("drift-notification").Filter(new() { HasText = LocalAwsSeeds.ReadyDomain }).First).ToBeVisibleAsync();

        // Needs action: "Success, but MX now missing", or Failed once SES (the local backend checks every second) noticed too.
        await page.GotoAsync(new Uri(console.App.BaseUrl, "dashboard").ToString());
        await Expect(page.GetByTestId("needs-action")).ToContainTextAsync(LocalAwsSeeds.ReadyMailFromDomain);
        await page.ScreenshotAsync(new() { Path = ScreenshotFolder.PathFor("dashboard-mx-missing") });
    }

    [Fact]
    public async Task ARestartShowsTheSavedViewAtOnceAndKeepsASignOutRevoked()
    {
        // A console of its own: the shared one must not restart under the other tests.
        var app = await ConsoleApp.StartAsync();
        try
        {
            var kept = await console.Browser.SignInAsync(app.BaseUrl, TestUsers.Operator, $"domains?region={Region}");
            await Expect(Row(kept, LocalAwsSeeds.ReadyDomain).GetByTestId("mailfrom-status")).ToHaveTextAsync("Success", new() { Timeout = 30_000 });
            var signedOut = await console.Browser.SignInAsync(app.BaseUrl, TestUsers.Viewer);
            var signedOutCookies = await signedOut.Context.CookiesAsync();
            await signedOut.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
            await Expect(signedOut.GetByRole(AriaRole.Button, new() { Name = "Sign in" })).ToBeVisibleAsync();

            // After the restart SES answers nothing: whatever the pages show comes from the saved view.
            app = await app.RestartAsync(new Dictionary<string, string>
            {
                ["LocalAws:Faults:0:Kind"] = "ServerError",
                ["LocalAws:Faults:0:Service"] = "ses",
            });

            await kept.ReloadAsync();
            await Browser.WaitForCircuitAsync(kept);
            await Expect(Row(kept, LocalAwsSeeds.ReadyDomain).GetByTestId("mailfrom-status")).ToHaveTextAsync("Success");
            await Expect(Row(kept, LocalAwsSeeds.ReadyDomain)).ToContainTextAsync(LocalAwsSeeds.ReadyMailFromDomain);
            await Expect(Row(kept, LocalAwsSeeds.FailedDomain).GetByTestId("verification-status")).ToHaveTextAsync("failed");
            await Expect(kept.GetByTestId("status-loading")).ToHaveCountAsync(0);
            await Expect(kept.GetByTestId("view-progress")).ToHaveCountAsync(0);

            var replay = await console.Browser.Instance.NewContextAsync();
            await replay.AddCookiesAsync(signedOutCookies.Select(c => new Cookie { Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path }));
            var again = await replay.NewPageAsync();
            await again.GotoAsync(new Uri(app.BaseUrl, "domains").ToString());
            await Expect(again.GetByRole(AriaRole.Button, new() { Name = "Sign in" })).ToBeVisibleAsync();
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task TheFirstPageOfRowsStaysOnScreenFromTheDocumentUntilTheCircuitPagesThem()
    {
        var page = await console.Browser.SignInAsync(console.App.BaseUrl, TestUsers.Viewer);
        // From the first rows of the prerendered document on, note any moment the table has no rows or says it is loading.
        await page.AddInitScriptAsync("""
            (() => {
              window.__rowsGone = [];
              let seen = false;
              const check = () => {
                const body = document.querySelector('[data-testid=identity-table] tbody');
                if (!body) { if (seen) window.__rowsGone.push('(no table)'); return; }
                const rows = body.querySelectorAll('tr.identity-row, tr.identity-row-loading').length;
                if (rows > 0) { seen = true; return; }
                if (seen) window.__rowsGone.push(body.innerText.trim() || '(empty)');
              };
              new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
            })();
            """);

        await page.GotoAsync(new Uri(console.App.BaseUrl, $"domains?region={Region}").ToString());
        await Expect(page.Locator(".mud-table-pagination-actions button")).ToHaveCountAsync(4);
        await Expect(Row(page, LocalAwsSeeds.ReadyDomain)).ToBeVisibleAsync();

        Assert.Empty(await page.EvaluateAsync<string[]>("() => window.__rowsGone"));
        await Expect(page.GetByTestId("identity-row-loading")).ToHaveCountAsync(0);
    }

    /// <summary>The list row of an identity (by its exact name, not a name that contains it).</summary>
    private static ILocator Row(IPage page, string identity) =>
        page.Locator("tr.identity-row").Filter(new() { Has = page.GetByTestId("identity-link").GetByText(identity, new() { Exact = true }) });

    private static async Task SetMailFromAsync(IPage page, string mailFromDomain)
    {
        var set = page.GetByTestId("mailfrom-panel").GetByTestId("set-mailfrom");
        await Expect(set).ToBeEnabledAsync();
        await set.ClickAsync();
        await page.Locator("input[data-testid=mailfrom-input]").FillAsync(mailFromDomain);
        await Expect(page.GetByTestId("dialog-set")).ToBeEnabledAsync();
        await page.GetByTestId("dialog-set").ClickAsync();
        await Expect(page.GetByTestId("records-window")).ToBeVisibleAsync();
    }

    /// <summary>The list row and the details pane show the same MAIL FROM domain and status (null domain: none).</summary>
    private static async Task ExpectRowAndPaneAsync(IPage page, string identity, string? mailFromDomain, string status)
    {
        var row = Row(page, identity);
        var pane = page.GetByTestId("mailfrom-section");
        await Expect(row.Locator("td[data-label='MAIL FROM Domain']")).ToHaveTextAsync(mailFromDomain ?? "—");
        await Expect(pane.GetByTestId("mailfrom-domain")).ToHaveTextAsync(mailFromDomain ?? "Not set");
        await Expect(row.GetByTestId("mailfrom-status")).ToHaveTextAsync(status);
        await Expect(pane.GetByTestId("mailfrom-status")).ToHaveTextAsync(status);
    }

    /// <summary>Someone deletes example.net's MX in Route 53 outside the console (a signed call to the local Route 53).</summary>
    private async Task DeleteReadyMxAsync()
    {
        await using var services = console.App.LocalAwsClients();
        var route53 = services.GetRequiredService<IRoute53Client>();
        var zone = await route53.FindPublicHostedZoneAsync(LocalAwsSeeds.ReadyMailFromDomain) ?? throw new InvalidOperationException("The demo zone of example.net is missing.");
        var mx = new ResourceRecordSet(LocalAwsSeeds.ReadyMailFromDomain + ".", "MX", 300, ["10 feedback-smtp.us-east-1.amazonses.com"]);
        await route53.ChangeResourceRecordSetsAsync(zone.Id, [new RecordSetChange(ChangeAction.Delete, mx)], "Deleted outside the console");
    }
}
