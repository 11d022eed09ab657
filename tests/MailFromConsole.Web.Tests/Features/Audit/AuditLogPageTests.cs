using Bunit;
using MailFromConsole.Web.Features.Audit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace MailFromConsole.Web.Tests.Features.Audit;

public sealed class AuditLogPageTests : ConsoleTestContext
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);

    public AuditLogPageTests() => Render<MudPopoverProvider>();

    private Task Record(int minute, string user, string identity, string result = AuditResults.Success, string? before = null, string? after = null) =>
        Services.GetRequiredService<IAuditLog>().RecordAsync(new AuditEntry
        {
            At = Start.AddMinutes(minute),
            User = user,
            Region = "us-east-1",
            Identity = identity,
            Action = AuditActions.SetMailFromDomain,
            Before = before,
            After = after,
            Result = result,
        });

    [Fact]
    public async Task ShowsEntriesNewestFirstWithBeforeAfterAndResult()
    {
        await Record(0, "otto", "example.com", before: null, after: "mail.example.com");
        await Record(5, "ada", "example.org", result: "MailFromDomainNotVerified", before: "bounce.example.org", after: "mail.example.org");

        var page = Render<AuditLogPage>();

        page.WaitForAssertion(() =>
        {
            var rows = page.FindAll("tbody tr");
            Assert.Equal(2, rows.Count);
            Assert.Contains("2026-11-25 08:05:00", rows[0].TextContent);
            Assert.Contains("bounce.example.org → mail.example.org", rows[0].TextContent);
            Assert.Contains("MailFromDomainNotVerified", rows[0].QuerySelector(".mud-chip")!.TextContent);
            Assert.Contains("mud-chip-color-error", rows[0].QuerySelector(".mud-chip")!.ClassName);
            Assert.Contains("(none) → mail.example.com", rows[1].TextContent);
            Assert.Contains("mud-chip-color-success", rows[1].QuerySelector(".mud-chip")!.ClassName);
        });
    }

    [Fact]
    public async Task UserFilterShowsOnlyThatUserAndTheExportLinksCarryIt()
    {
        await Record(0, "otto", "example.com");
        await Record(1, "ada", "example.org");
        await Record(2, "otto", "shop.example.com");
        var page = Render<AuditLogPage>();
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("tbody tr").Count));

        InputLabelled(page, "User").Change("ada");
        await page.InvokeAsync(() => page.FindAll("button").Single(b => b.TextContent.Contains("Apply filters")).Click());

        page.WaitForAssertion(() =>
        {
            var row = Assert.Single(page.FindAll("tbody tr"));
            Assert.Contains("example.org", row.TextContent);
        });
        var csv = page.FindAll("a").Single(a => a.TextContent.Contains("Export CSV"));
        Assert.Equal("/audit/export.csv?user=ada", csv.GetAttribute("href"));
        Assert.True(csv.HasAttribute("download"));
    }

    [Fact]
    public void SaysSoWhenNothingMatches()
    {
        var page = Render<AuditLogPage>();

        page.WaitForAssertion(() => Assert.Contains("No entries match these filters.", page.Markup));
    }

    private static AngleSharp.Dom.IElement InputLabelled(IRenderedComponent<AuditLogPage> page, string label)
    {
        var forId = page.FindAll("label").Single(l => l.TextContent.Trim() == label).GetAttribute("for");
        return page.Find($"input[id='{forId}']");
    }
}
