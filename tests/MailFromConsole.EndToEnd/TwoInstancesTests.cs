using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MailFromConsole.EndToEnd;

/// <summary>
/// #12 in Chromium: two console processes behind one database, as behind a load balancer, share their users,
/// sign-outs and account view, and run one sweeper between them that moves when its instance dies. The tests run
/// as written: the last one kills B.
/// </summary>
[TestCaseOrderer(InDeclarationOrder.TypeName, InDeclarationOrder.AssemblyName)]
public sealed partial class TwoInstancesTests(TwoInstancesFixture instances) : IClassFixture<TwoInstancesFixture>
{
    private static readonly TimeSpan Live = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task AUserAnAdminCreatesOnASignsInOnB()
    {
        var bea = new TestUser("bea-" + Guid.NewGuid().ToString("N")[..6], "Viewer", "bea-viewer-password");
        var admin = await instances.Browser.SignInAsync(instances.A.BaseUrl, TestUsers.Admin, "users");
        await admin.GetByLabel("New user name").FillAsync(bea.Name);
        await admin.GetByLabel("New user's password").FillAsync(bea.Password);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Add user" }).ClickAsync();
        await Expect(admin.Locator("[data-test='users-message']")).ToContainTextAsync($"User '{bea.Name}' can now sign in as Viewer.");

        var onB = await instances.Browser.SignInAsync(instances.B.BaseUrl, bea, "domains?region=us-east-1");
        await Expect(onB.Locator(".mfc-account-name")).ToContainTextAsync(bea.Name);
        await Expect(onB.GetByTestId("identity-link").GetByText("example.com", new() { Exact = true })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task SigningOutOnAEndsTheSameSignInOnBWithinTwoSeconds()
    {
        var onB = await instances.Browser.SignInAsync(instances.B.BaseUrl, TestUsers.Operator, "domains?identity=example.com&region=us-east-1");
        await Expect(onB.GetByTestId("mailfrom-section")).ToBeVisibleAsync();
        // A copy of the cookie in another browser: B must refuse it too, not only lose it from this browser.
        var copy = await instances.Browser.Instance.NewContextAsync(new() { StorageState = await onB.Context.StorageStateAsync() });

        // Cookies are per host, not per port: another tab of the same browser on A carries B's sign-in, and ends it there.
        var onA = await onB.Context.NewPageAsync();
        await onA.GotoAsync(new Uri(instances.A.BaseUrl, "account/logout").ToString());
        await onA.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(onA).ToHaveURLAsync(SignInPage());
        var signedOut = Stopwatch.StartNew();

        // B's open page is signed out by A's notice and leaves for the sign-in form.
        await Expect(onB).ToHaveURLAsync(SignInPage(), new() { Timeout = (float)Live.TotalMilliseconds });
        Assert.True(signedOut.Elapsed < Live, $"B's open page followed only after {signedOut.Elapsed}.");
        await Expect(onB.GetByTestId("mailfrom-section")).ToHaveCountAsync(0);

        // B refuses the copied cookie: the sign-out is in the shared database.
        var again = await copy.NewPageAsync();
        await again.GotoAsync(new Uri(instances.B.BaseUrl, "domains?region=us-east-1").ToString());
        await Expect(again).ToHaveURLAsync(SignInPage());
        await Expect(again.GetByTestId("identity-link")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task AMailFromDomainSetOnAShowsUpInTheDetailsPaneOpenOnBWithinTwoSeconds()
    {
        var onB = await OpenDetailsAsync(instances.B, "spf-conflict.test");
        await Expect(onB.GetByTestId("mailfrom-domain")).ToHaveTextAsync("Not set");
        var onA = await OpenDetailsAsync(instances.A, "spf-conflict.test");

        var set = onA.GetByTestId("mailfrom-panel").GetByTestId("set-mailfrom");
        await Expect(set).ToBeEnabledAsync();
        await set.ClickAsync();
        await onA.Locator("input[data-testid=mailfrom-input]").FillAsync("bounce.spf-conflict.test");
        await onA.GetByTestId("dialog-set").ClickAsync();
        // The save reads SES, writes and reads back, each at SES's 1 request/second that both instances share with B's sweeper.
        await Expect(onA.GetByTestId("records-window")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        var setOnA = Stopwatch.StartNew();

        await Expect(onB.GetByTestId("mailfrom-domain")).ToHaveTextAsync("bounce.spf-conflict.test", new() { Timeout = (float)Live.TotalMilliseconds });
        Assert.True(setOnA.Elapsed < Live, $"B's open pane followed only after {setOnA.Elapsed}.");
    }

    [Fact]
    public async Task BothInstancesAnswerLivenessAndReadinessWithoutASignIn()
    {
        var anonymous = await instances.Browser.Instance.NewContextAsync();
        foreach (var app in new[] { instances.A, instances.B })
        {
            foreach (var path in new[] { "healthz", "healthz/ready" })
            {
                // Ready means the shared PostgreSQL answers with every migration applied, and SES answers (B's is A's local AWS).
                var response = await anonymous.APIRequest.GetAsync(new Uri(app.BaseUrl, path).ToString(), new() { MaxRedirects = 0 });
                Assert.Equal((200, "Healthy"), (response.Status, await response.TextAsync()));
            }
        }
    }

    [Fact]
    public async Task ASignInThroughTheTrustedProxyIsAuditedFromTheClientsAddressAndAnInstanceTrustingNoProxyIgnoresTheHeader()
    {
        foreach (var app in new[] { instances.A, instances.B })
        {
            var context = await instances.Browser.Instance.NewContextAsync(new()
            {
                ExtraHTTPHeaders = new Dictionary<string, string> { ["X-Forwarded-For"] = TwoInstancesFixture.ProxyClient },
            });
            var page = await context.NewPageAsync();
            await page.GotoAsync(new Uri(app.BaseUrl, "account/login").ToString());
            await page.GetByLabel("User name").FillAsync(TestUsers.Viewer.Name);
            await page.GetByLabel("Password").FillAsync(TestUsers.Viewer.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await Browser.WaitForCircuitAsync(page);
        }

        var audit = await instances.Browser.SignInAsync(instances.A.BaseUrl, TestUsers.Admin, "audit");
        var signIns = audit.Locator("tr").Filter(new() { HasText = "SignIn" }).Filter(new() { HasText = TestUsers.Viewer.Name });
        await Expect(signIns).ToHaveCountAsync(2);
        await Expect(signIns.Filter(new() { HasText = $"from {TwoInstancesFixture.ProxyClient}" })).ToHaveCountAsync(1);
        await Expect(signIns.Filter(new() { HasText = "from 127.0.0.1" })).ToHaveCountAsync(1);
    }

    [Fact]
    public void BLogsOneJsonObjectALineWithTheMessagesFieldsApart()
    {
        var lines = instances.B.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var running = lines.Single(line => line.Contains("MailFromConsole is running at", StringComparison.Ordinal));

        using var entry = JsonDocument.Parse(running);
        Assert.Equal("Information", entry.RootElement.GetProperty("LogLevel").GetString());
        Assert.Equal(instances.B.BaseUrl, new Uri(entry.RootElement.GetProperty("State").GetProperty("Url").GetString()!));
        Assert.DoesNotContain(lines, line => line.StartsWith("info: ", StringComparison.Ordinal));
    }

    // Last (it stops B): the tests above need both instances.
    [Fact]
    public async Task KillingTheLeaderHandsTheSweepToTheOtherWithinFifteenSecondsAndTheLocalAwsNeverThrottled()
    {
        Assert.Contains(TwoInstancesFixture.LeaderLog, instances.B.Output);
        Assert.DoesNotContain(TwoInstancesFixture.LeaderLog, instances.A.Output);

        await instances.B.KillAsync();

        await TwoInstancesFixture.WaitForLogAsync(instances.A, TwoInstancesFixture.LeaderLog, TimeSpan.FromSeconds(15));
        // A's own local AWS logs every request it throttles; both instances' requests went to it.
        Assert.DoesNotContain("Throttling", instances.A.Output);
    }

    private async Task<IPage> OpenDetailsAsync(ConsoleApp app, string identity)
    {
        var page = await instances.Browser.SignInAsync(app.BaseUrl, TestUsers.Operator, $"domains?identity={identity}&region=us-east-1");
        await Expect(page.GetByTestId("identity-details")).ToContainTextAsync(identity);
        return page;
    }

    [GeneratedRegex("/account/login")]
    private static partial Regex SignInPage();
}
