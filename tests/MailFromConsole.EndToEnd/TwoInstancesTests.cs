using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MailFromConsole.EndToEnd;

/// <summary>Two console processes behind one database, as behind a load balancer: one set of users, sessions and account view.</summary>
public sealed class TwoInstancesTests(TwoInstancesFixture instances) : IClassFixture<TwoInstancesFixture>
{
    [Fact]
    public async Task AUserSeededOnASignsInOnBAndSigningOutOnAEndsTheSessionOnB()
    {
        var onB = await instances.Browser.SignInAsync(instances.B.BaseUrl, TestUsers.Operator, "domains?region=us-east-1");
        await Expect(onB.GetByTestId("identity-link").GetByText("example.com", new() { Exact = true })).ToBeVisibleAsync();

        // The same cookie in a second browser on A: B's data-protection keys are A's.
        var onA = await instances.Browser.Instance.NewContextAsync();
        await onA.AddCookiesAsync(await onB.Context.CookiesAsync());
        var pageOnA = await onA.NewPageAsync();
        await pageOnA.GotoAsync(new Uri(instances.A.BaseUrl, "domains?region=us-east-1").ToString());
        await Browser.WaitForCircuitAsync(pageOnA);
        await pageOnA.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(pageOnA.GetByRole(AriaRole.Button, new() { Name = "Sign in" })).ToBeVisibleAsync();

        // B's browser still holds the cookie; B refuses it because A recorded the sign-out in the shared database.
        await onB.GotoAsync(new Uri(instances.B.BaseUrl, "domains?region=us-east-1").ToString());
        await Expect(onB.GetByRole(AriaRole.Button, new() { Name = "Sign in" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AMailFromDomainSetOnAShowsUpLiveInTheDetailsPaneOpenOnB()
    {
        var onB = await OpenDomainAsync(instances.B, "spf-conflict.test");
        var onA = await OpenDomainAsync(instances.A, "spf-conflict.test");

        var set = onA.GetByTestId("mailfrom-panel").GetByTestId("set-mailfrom");
        await Expect(set).ToBeEnabledAsync();
        await set.ClickAsync();
        await onA.Locator("input[data-testid=mailfrom-input]").FillAsync("bounce.spf-conflict.test");
        await onA.GetByTestId("dialog-set").ClickAsync();
        await Expect(onA.GetByTestId("records-window")).ToBeVisibleAsync();

        await Expect(onB.GetByTestId("mailfrom-section")).ToContainTextAsync("bounce.spf-conflict.test", new() { Timeout = 5_000 });
    }

    [Fact]
    public async Task KillingTheLeaderHandsTheSweepToTheOtherWithinFifteenSecondsAndTheLocalAwsNeverThrottled()
    {
        Assert.Contains(TwoInstancesFixture.LeaderLog, instances.B.Output);
        Assert.DoesNotContain(TwoInstancesFixture.LeaderLog, instances.A.Output);

        await instances.B.KillAsync();

        await TwoInstancesFixture.WaitForLogAsync(instances.A, TwoInstancesFixture.LeaderLog, TimeSpan.FromSeconds(15));
        // A's own local AWS logs every request it throttles; both instances' requests went to it.
        Assert.DoesNotContain("Throttling", instances.A.Output);
        await instances.RestartBAsync();
    }

    private async Task<IPage> OpenDomainAsync(ConsoleApp app, string domain)
    {
        var page = await instances.Browser.SignInAsync(app.BaseUrl, TestUsers.Operator, "domains?region=us-east-1");
        await page.GetByTestId("identity-link").GetByText(domain, new() { Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("identity-details")).ToContainTextAsync(domain);
        return page;
    }
}
