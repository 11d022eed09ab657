using Bunit;
using MailFromConsole.Core.Route53;
using MailFromConsole.Core.Ses;
using MailFromConsole.Web.Features.Dashboard;
using MailFromConsole.Web.Tests.Features.Assistant;
using Microsoft.Extensions.DependencyInjection;

namespace MailFromConsole.Web.Tests.Features.Dashboard;

public sealed class DashboardTests : ConsoleTestContext
{
    private const string OtherRegion = "eu-west-1";
    private readonly HostedZone zone;

    public DashboardTests() : base(onTestClock: true) => zone = Aws.Route53.AddZone("example.com");

    private void MailFrom(string region, string identity, string? domain, CustomMailFromStatus? status) =>
        Aws.Ses.Add(region, identity).MailFrom = new IdentityMailFromDomainAttributes(domain, status, BehaviorOnMxFailure.UseDefaultValue);

    private void SesMx(string name) => Aws.Route53.Put(zone, name, "MX", "10 feedback-smtp.us-east-1.amazonses.com.");

    [Fact]
    public void CountsEveryStateAcrossTheRegionsAndListsTheOnesThatNeedActionFirst()
    {
        MailFrom(Region, "ok.example.com", "mail.ok.example.com", CustomMailFromStatus.Success);
        SesMx("mail.ok.example.com");
        MailFrom(Region, "gone.example.com", "mail.gone.example.com", CustomMailFromStatus.Success);
        MailFrom(Region, "failed.example.com", "mail.failed.example.com", CustomMailFromStatus.Failed);
        MailFrom(Region, "new.example.com", "mail.new.example.com", CustomMailFromStatus.Pending);
        MailFrom(Region, "plain.example.com", null, null);
        MailFrom(OtherRegion, "user@example.com", "mail.example.com", CustomMailFromStatus.TemporaryFailure);
        RenderProviders();

        var page = Render<DashboardPage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=dashboard-count]")), DnsWait);
        int Count(DashboardState state) => int.Parse(page.Find($"[data-testid=dashboard-count][data-state={state}] [data-testid=count-value]").TextContent);
        Assert.Equal(1, Count(DashboardState.Failed));
        Assert.Equal(1, Count(DashboardState.TemporaryFailure));
        Assert.Equal(1, Count(DashboardState.MxMissing));
        Assert.Equal(1, Count(DashboardState.Pending));
        Assert.Equal(1, Count(DashboardState.Success));
        Assert.Equal(1, Count(DashboardState.NotSet));

        var needsAction = page.FindAll("[data-testid=needs-action] [data-testid=row-identity]").Select(c => c.TextContent).ToList();
        Assert.Equal(["failed.example.com", "user@example.com", "gone.example.com"], needsAction);
        var gone = page.FindAll("[data-testid=needs-action] tr").Single(r => r.TextContent.Contains("gone.example.com"));
        Assert.Contains("no longer shows the one MX record SES needs at mail.gone.example.com (mail.gone.example.com does not exist in DNS yet)", gone.TextContent);
        Assert.Contains("\"10 feedback-smtp.us-east-1.amazonses.com\"", gone.TextContent);
        Assert.Equal("setup-assistant/us-east-1/gone.example.com?region=us-east-1", gone.QuerySelector("[data-testid=row-assistant]")!.GetAttribute("href"));
        var others = page.FindAll("[data-testid=other-identities] [data-testid=row-identity]").Select(c => c.TextContent).ToList();
        Assert.Equal(["new.example.com", "ok.example.com", "plain.example.com"], others);
        Assert.Equal("Needs Action (3)", page.Find("[data-testid=needs-action-title]").TextContent);
        Assert.Equal("Everything Else (3)", page.Find("[data-testid=other-identities-title]").TextContent);
        Assert.Contains("Not started", page.FindAll("[data-testid=other-identities] tr").Single(r => r.TextContent.Contains("plain.example.com")).TextContent);
    }

    [Fact]
    public async Task PendingForLongerThanTheThresholdNeedsAction()
    {
        MailFrom(Region, "slow.example.com", "mail.slow.example.com", CustomMailFromStatus.Pending);
        var dashboard = Services.GetRequiredService<IMailFromDashboardService>();

        var first = await dashboard.LoadAsync([Region]);
        Clock.Advance(TimeSpan.FromMinutes(61));
        var later = await dashboard.LoadAsync([Region]);

        Assert.Equal(DashboardState.Pending, first.Rows.Single().State);
        var row = later.Rows.Single();
        Assert.Equal(DashboardState.PendingTooLong, row.State);
        Assert.True(row.NeedsAction);
        Assert.Contains("at least 1 hour", row.Reason);
    }

    [Fact]
    public async Task AnUnreadableRegionIsReportedAndTheOthersStillCount()
    {
        MailFrom(Region, "failed.example.com", "mail.failed.example.com", CustomMailFromStatus.Failed);
        Aws.Ses.FailNext("ListIdentities", "AccessDenied", "not allowed in this region", OtherRegion);
        var dashboard = Services.GetRequiredService<IMailFromDashboardService>();

        var report = await dashboard.LoadAsync([OtherRegion, Region]);

        Assert.Single(report.Errors, e => e.StartsWith("eu-west-1:") && e.Contains("not allowed"));
        Assert.Equal(1, report.Counts[DashboardState.Failed]);
    }

    [Fact]
    public void OrderingPutsNeedsActionFirstAndTheLongestPendingFirstAmongThem()
    {
        var t0 = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        DashboardRow Row(string identity, DashboardState state, DateTimeOffset? since = null) => new(Region, identity, IdentityType.Domain, "mail." + identity, state, "", since);

        var sorted = DashboardOrdering.Sort(
        [
            Row("a.com", DashboardState.Success),
            Row("b.com", DashboardState.NotSet),
            Row("c.com", DashboardState.PendingTooLong, t0.AddHours(5)),
            Row("d.com", DashboardState.MxMissing),
            Row("e.com", DashboardState.PendingTooLong, t0),
            Row("f.com", DashboardState.TemporaryFailure),
            Row("g.com", DashboardState.Pending, t0),
            Row("h.com", DashboardState.Failed),
        ]);

        Assert.Equal(["h.com", "f.com", "e.com", "c.com", "d.com", "g.com", "a.com", "b.com"], sorted.Select(r => r.Identity));
        Assert.Equal(5, sorted.Count(r => r.NeedsAction));
    }

    [Fact]
    public async Task OnlyTheSelectedRegionsAreCounted()
    {
        MailFrom(Region, "failed.example.com", "mail.failed.example.com", CustomMailFromStatus.Failed);
        MailFrom(OtherRegion, "user@example.com", "mail.example.com", CustomMailFromStatus.TemporaryFailure);
        RenderProviders();
        var page = Render<DashboardPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=needs-action] [data-testid=row-identity]").Count), DnsWait);

        await page.InvokeAsync(() => page.Find("input[data-testid=dashboard-region][data-region=eu-west-1]").ChangeAsync(new() { Value = false }));
        await page.InvokeAsync(() => page.Find("button[data-testid=dashboard-refresh]").ClickAsync(new()));

        page.WaitForAssertion(() => Assert.Equal(["failed.example.com"], page.FindAll("[data-testid=needs-action] [data-testid=row-identity]").Select(c => c.TextContent)));
        Assert.Equal("0", page.Find("[data-testid=dashboard-count][data-state=TemporaryFailure] [data-testid=count-value]").TextContent);
    }
}
