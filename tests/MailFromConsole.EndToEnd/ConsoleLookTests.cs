using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MailFromConsole.EndToEnd;

/// <summary>
/// Every page at a desktop, a tablet and a phone width: it fits (no sideways page scroll), reads as the AWS console
/// (no upper-cased buttons, region names on one line, the header readable), passes axe-core with no serious or
/// critical violation, and is photographed for the README.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class ConsoleLookTests(ConsoleFixture console)
{
    /// <summary>Each page once: its address and what shows that it has rendered its content (not the last page's).</summary>
    private static readonly (string Name, string Path, string Ready)[] Pages =
    [
        ("home", "?region=us-east-1", "[data-testid=home-empty-state]"),
        ("dashboard", "dashboard?region=us-east-1", "[data-testid=other-identities-title]"),
        ("setup-assistant", "setup-assistant?region=us-east-1", "[data-testid=identity-choice]"),
        ("email-addresses", "email-addresses?identity=user%40example.com&region=us-east-1", "[data-testid=mailfrom-section] [data-testid=mailfrom-effective]"),
        ("domains", "domains?identity=example.net&region=us-east-1", "[data-testid=mailfrom-section] [data-testid=mailfrom-effective]"),
        ("status", "status?identity=example.net&region=us-east-1", "[data-testid=dns-diagnosis] [data-code]"),
        ("all-regions", "identities/example.com/regions?region=us-east-1", "[data-testid=regions-table]"),
        ("audit-log", "audit?region=us-east-1", "[data-testid=page-title]:text-is('Audit Log')"),
        ("users", "users?region=us-east-1", "[data-testid=page-title]:text-is('Users')"),
        ("connection", "connection?region=us-east-1", "[data-testid=page-title]:text-is('Connection')"),
    ];

    [Fact]
    public Task AtDesktopWidthEveryPageFitsAndPassesAxe() => WalkEveryPageAsync(1400, 900, "desktop");

    [Fact]
    public Task AtTabletWidthEveryPageFitsAndPassesAxe() => WalkEveryPageAsync(1024, 768, "tablet");

    [Fact]
    public Task AtPhoneWidthEveryPageFitsAndPassesAxe() => WalkEveryPageAsync(390, 844, "phone");

    private async Task WalkEveryPageAsync(int width, int height, string device)
    {
        var page = await console.Browser.SignInAsync(console.App.BaseUrl, TestUsers.Admin);
        await page.SetViewportSizeAsync(width, height);
        await Axe.AddToAsync(page.Context);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var problems = new List<string>();

        await page.GotoAsync(console.App.BaseUrl.ToString());
        await Browser.WaitForCircuitAsync(page);
        foreach (var (name, path, ready) in Pages)
        {
            // Within the one circuit, as the navigation's links go: a full load per page would double the time.
            await page.EvaluateAsync("path => Blazor.navigateTo(path)", path);
            await page.Locator(ready).First.WaitForAsync();
            await page.ScreenshotAsync(new() { Path = ScreenshotFolder.PathFor($"{name}-{device}") });
            problems.AddRange((await LayoutProblemsAsync(page)).Select(p => $"{name} at {width} px: {p}"));
            problems.AddRange((await Axe.SeriousViolationsAsync(page)).Select(v => $"{name} at {width} px: axe {v}"));
        }

        await CheckShellAsync(page, width);
        Console.WriteLine($"{device}: {Pages.Length} pages in {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>What a person would see as broken: a page wider than the screen, UPPER-CASE buttons, a region name over two lines.</summary>
    private static async Task<IReadOnlyList<string>> LayoutProblemsAsync(IPage page) =>
        await page.EvaluateAsync<string[]>("""
            () => {
              const problems = [];
              const scroller = document.scrollingElement;
              if (scroller.scrollWidth > window.innerWidth) problems.push(`page scrolls sideways (${scroller.scrollWidth} > ${window.innerWidth})`);
              for (const b of document.querySelectorAll('button, a.mud-button-root')) {
                if (b.offsetParent !== null && getComputedStyle(b).textTransform === 'uppercase') problems.push(`upper-cased button "${b.textContent.trim()}"`);
              }
              const lines = el => { const r = document.createRange(); r.selectNodeContents(el); return new Set([...r.getClientRects()].map(x => Math.round(x.top))).size; };
              for (const cell of document.querySelectorAll('[data-testid=row-region], [data-testid=region-row] td:first-child')) {
                if (cell.offsetParent !== null && lines(cell) > 1) problems.push(`region "${cell.textContent.trim()}" wraps`);
              }
              return problems;
            }
            """);

    /// <summary>The header and navigation at this width: drawer beside the page from 960 px, behind the hamburger below.</summary>
    private static async Task CheckShellAsync(IPage page, int width)
    {
        var domains = page.GetByRole(AriaRole.Navigation, new() { Name = "Identity Management" }).GetByRole(AriaRole.Link, new() { Name = "Domains" });
        if (width >= 960)
        {
            await Expect(domains).ToBeVisibleAsync();
            var group = page.GetByRole(AriaRole.Button, new() { Name = "Identity Management" });
            Assert.Equal(1, await page.EvaluateAsync<int>(
                "el => { const r = document.createRange(); r.selectNodeContents(el); return new Set([...r.getClientRects()].map(x => Math.round(x.top))).size; }",
                await group.Locator(".mud-nav-link-text").ElementHandleAsync()));
        }
        else
        {
            await Expect(domains).Not.ToBeInViewportAsync();
            await page.GetByTestId("nav-toggle").ClickAsync();
            await Expect(domains).ToBeInViewportAsync();
        }

        if (width >= 1280)
        {
            // The signed-in user's name stays clear of the region selector, and the "Region" label is its own text.
            var name = await page.Locator(".mfc-account-name").BoundingBoxAsync();
            var region = await page.Locator(".console-appbar [data-testid=region-selector]").BoundingBoxAsync();
            Assert.NotNull(name);
            Assert.NotNull(region);
            Assert.True(name.X >= region.X + region.Width, $"user name at x={name.X} overlaps the region selector ending at {region.X + region.Width}");
            await Expect(page.Locator(".console-appbar .console-region-label")).ToHaveTextAsync("Region");
        }
    }
}
