using Bunit;
using MailFromConsole.Core.Ses;
using MailFromConsole.Core.View;
using MailFromConsole.Web.Features.View;
using Microsoft.Extensions.DependencyInjection;

namespace MailFromConsole.Web.Tests.Features.View;

/// <summary>The account view's own components: the identity's history, the first round's progress and the drift bell.</summary>
public sealed class ViewComponentsTests : ConsoleTestContext
{
    // A region no sweep has read yet: the progress starts from nothing, as on a first start.
    private const string FreshRegion = "ap-southeast-2";

    private AccountView View => Services.GetRequiredService<AccountView>();

    private static HistoryEntry Entry(string text, bool drift, int minute) =>
        new(Region, "example.com", new DateTimeOffset(2026, 12, 1, 12, minute, 0, TimeSpan.Zero), HistoryKind.Dns, text, drift);

    [Fact]
    public async Task TheHistoryTimelineShowsNewestFirstMarksDriftAndFollowsTheView()
    {
        Aws.Ses.Add(Region, "example.com");
        var store = Services.GetRequiredService<IAccountViewStore>();
        await store.AppendHistoryAsync([Entry("MAIL FROM status Pending → Success", false, 0), Entry("MX record of mail.example.com is gone", true, 5)], CancellationToken.None);

        var history = Render<IdentityHistory>(p => p.Add(x => x.Region, Region).Add(x => x.Identity, "example.com"));

        history.WaitForAssertion(() => Assert.Equal(2, history.FindAll("[data-testid=history-entry]").Count));
        var entries = history.FindAll("[data-testid=history-entry]");
        Assert.Contains("MX record of mail.example.com is gone", entries[0].TextContent);
        Assert.Equal("true", entries[0].GetAttribute("data-drift"));
        Assert.Equal("false", entries[1].GetAttribute("data-drift"));

        await store.AppendHistoryAsync([Entry("MX record of mail.example.com is back", false, 9)], CancellationToken.None);
        await View.ChangedByConsoleAsync(Region, "example.com", s => s with { Verification = VerificationStatus.Success });

        history.WaitForAssertion(() => Assert.Contains("is back", history.FindAll("[data-testid=history-entry]")[0].TextContent));
    }

    [Fact]
    public void AnIdentityWithoutHistorySaysSo()
    {
        Aws.Ses.Add(Region, "example.com");

        var history = Render<IdentityHistory>(p => p.Add(x => x.Region, Region).Add(x => x.Identity, "example.com"));

        history.WaitForAssertion(() => Assert.Contains("No changes seen", history.Find("[data-testid=history-empty]").TextContent));
    }

    [Fact]
    public async Task TheProgressBarCountsTheFirstRoundAndGoesWhenEveryIdentityHasItsStatus()
    {
        var names = Enumerable.Range(0, 1_000).Select(i => $"d{i:D4}.test").ToList();
        var bar = Render<LoadProgressBar>(p => p.Add(x => x.Region, FreshRegion));

        await View.ListedAsync(FreshRegion, names, firstPage: true, lastPage: false, CancellationToken.None);
        bar.WaitForAssertion(() => Assert.Equal("Loading identities: 1,000 so far · status of 0", bar.Find("[data-testid=view-progress] .mud-typography").TextContent));

        await View.ListedAsync(FreshRegion, ["d1000.test"], firstPage: false, lastPage: true, CancellationToken.None);
        await ReadAsync([.. names.Take(100)]);
        bar.WaitForAssertion(() => Assert.Equal("Loading identities: 1,001 · status of 100", bar.Find("[data-testid=view-progress] .mud-typography").TextContent));

        await ReadAsync([.. names.Skip(100), "d1000.test"]);
        bar.WaitForAssertion(() => Assert.Empty(bar.FindAll("[data-testid=view-progress]")));
    }

    [Fact]
    public async Task TheBellCountsDriftAndListsItWhenOpened()
    {
        var popovers = Render<MudBlazor.MudPopoverProvider>();
        var bell = Render<DriftBell>();
        Assert.Empty(bell.FindAll(".mud-badge"));

        await Services.GetRequiredService<DriftAlerts>().RaiseAsync([Entry("MX record of mail.example.com is gone", true, 5), Entry("MAIL FROM status Pending → Success", false, 6)], CancellationToken.None);
        bell.WaitForAssertion(() => Assert.Equal("1", bell.Find(".mud-badge").TextContent.Trim()));

        bell.Find("button[aria-label=Notifications]").Click();

        var item = Assert.Single(popovers.WaitForElements("[data-testid=drift-notification]"));
        Assert.Contains("example.com (us-east-1): MX record of mail.example.com is gone", item.TextContent);
        Assert.Contains("status?identity=example.com", item.GetAttribute("href"));
    }

    /// <summary>SES's verification and MAIL FROM answers for a batch, through the view's own read step.</summary>
    private async Task ReadAsync(IReadOnlyCollection<string> batch)
    {
        var at = DateTimeOffset.UtcNow;
        await View.ReadAsync(FreshRegion, ViewPart.Verification, at, batch, batch.ToDictionary(n => n, _ => new IdentityVerificationAttributes(VerificationStatus.Success, null)),
            (s, v, now) => s with { Verification = v?.VerificationStatus, VerificationReadAt = now }, CancellationToken.None);
        await View.ReadAsync(FreshRegion, ViewPart.MailFrom, at, batch, new Dictionary<string, IdentityMailFromDomainAttributes>(),
            (s, m, now) => s with { MailFrom = m, MailFromReadAt = now }, CancellationToken.None);
    }
}
