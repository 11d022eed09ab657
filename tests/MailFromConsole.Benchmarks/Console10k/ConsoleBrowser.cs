using MailFromConsole.EndToEnd;
using Microsoft.Playwright;

namespace MailFromConsole.Benchmarks.Console10k;

/// <summary>
/// Debian's Chromium (headless, the browser tests' flags) with one signed-in context: every tab shares its cookie,
/// and each tab's document records when the first identity rows reach the screen.
/// </summary>
internal sealed class ConsoleBrowser : IAsyncDisposable
{
    private const string Chromium = "/usr/bin/chromium";
    private static readonly ViewportSize Viewport = new() { Width = 1400, Height = 900 };

    // Runs in every document before the page's own scripts: notes (in ms since navigation start) the first frame
    // after identity rows appear in the table (and the progress bar's text then), and the first frame after the
    // layout's circuit is ready, so the time is the browser's, without the driver's polling delay.
    private const string FirstRowsProbe = """
        (() => {
          const rows = new MutationObserver(() => {
            if (!document.querySelector('tr.identity-row')) return;
            rows.disconnect();
            requestAnimationFrame(() => {
              window.__firstRowsMs = performance.now();
              window.__firstRowsCount = document.querySelectorAll('tr.identity-row').length;
              window.__firstRowsProgress = document.querySelector('[data-testid=view-progress]')?.innerText ?? null;
            });
          });
          rows.observe(document, { childList: true, subtree: true });
          const ready = new MutationObserver(() => {
            if (!document.querySelector("[data-ready='true']")) return;
            ready.disconnect();
            requestAnimationFrame(() => { window.__readyMs = performance.now(); });
          });
          ready.observe(document, { childList: true, subtree: true, attributes: true });
        })();
        """;

    // Clicks the pager's next-page button and resolves with the ms until the first row changed in the document (the
    // server's answer is in) and until the next frame after that (on screen).
    private const string NextPageScript = """
        () => new Promise((resolve, reject) => {
          const first = () => document.querySelector('tr.identity-row [data-testid=identity-link]')?.textContent;
          const before = first();
          const buttons = document.querySelectorAll('.mud-table-pagination-actions button');
          if (buttons.length !== 4) { reject(new Error(`expected 4 pager buttons, found ${buttons.length}`)); return; }
          const start = performance.now();
          const timeout = setTimeout(() => { observer.disconnect(); reject(new Error('the page did not change within 30 s')); }, 30000);
          const observer = new MutationObserver(() => {
            if (first() === before) return;
            const changed = performance.now() - start;
            observer.disconnect();
            clearTimeout(timeout);
            requestAnimationFrame(() => resolve([changed, performance.now() - start]));
          });
          observer.observe(document.body, { childList: true, subtree: true, characterData: true });
          buttons[2].click();
        })
        """;

    // Notes (Date.now(), the machine's clock, to compare with the console's log) when the pane shows the text.
    private const string WatchPaneScript = """
        (expected) => {
          const shown = () => document.querySelector('[data-testid=mailfrom-section] [data-testid=mailfrom-domain]')?.textContent?.trim() === expected;
          const observer = new MutationObserver(() => {
            if (!shown()) return;
            observer.disconnect();
            requestAnimationFrame(() => { window.__paneShownAt = Date.now(); });
          });
          observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        }
        """;

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly IBrowserContext _context;
    private readonly List<IBrowserContext> _userWindows = [];
    private readonly Uri _baseUrl;

    private ConsoleBrowser(IPlaywright playwright, IBrowser browser, IBrowserContext context, Uri baseUrl)
    {
        _playwright = playwright;
        _browser = browser;
        _context = context;
        _baseUrl = baseUrl;
    }

    public static async Task<ConsoleBrowser> StartAsync(Uri baseUrl)
    {
        if (!File.Exists(Chromium))
            throw new InvalidOperationException("Debian's chromium is missing: run tests/install-deps.sh.");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--disable-quic"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = Viewport });
        await context.AddInitScriptAsync(FirstRowsProbe);
        return new ConsoleBrowser(playwright, browser, context, baseUrl);
    }

    /// <summary>Signs in through the plain form (as the browser tests do) and waits for the home page's circuit.</summary>
    public async Task SignInAsync(TestUser user)
    {
        var page = await NewTabAsync();
        await page.GotoAsync(new Uri(_baseUrl, "account/login?returnUrl=%2F").ToString());
        await page.GetByLabel("User name").FillAsync(user.Name);
        await page.GetByLabel("Password").FillAsync(user.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.Locator("[data-ready='true']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }

    /// <summary>Opens <paramref name="path"/> in a new tab and returns when its first page of rows is on screen.</summary>
    public async Task<FirstRows> OpenListAsync(string path, TimeSpan timeout)
    {
        var page = await NewTabAsync();
        await page.GotoAsync(new Uri(_baseUrl, path).ToString(), new() { WaitUntil = WaitUntilState.Commit });
        await page.WaitForFunctionAsync(
            "() => window.__firstRowsMs !== undefined || document.querySelector('[data-testid=list-error]') !== null",
            null, new() { Timeout = (float)timeout.TotalMilliseconds, PollingInterval = 50 });
        var error = page.Locator("[data-testid=list-error]");
        if (await error.CountAsync() > 0)
            throw new InvalidOperationException($"The list showed an error: {await error.InnerTextAsync()}");
        var milliseconds = await page.EvaluateAsync<double>("() => window.__firstRowsMs");
        var rows = await page.EvaluateAsync<int>("() => window.__firstRowsCount");
        var progress = await page.EvaluateAsync<string?>("() => window.__firstRowsProgress");
        return new FirstRows(TimeSpan.FromMilliseconds(milliseconds), rows, progress);
    }

    /// <summary>Opens a light page of the console (home) in a new tab: the time until its circuit is ready, the run's yardstick.</summary>
    public async Task<TimeSpan> OpenHomeAsync()
    {
        var page = await NewTabAsync();
        await page.GotoAsync(_baseUrl.ToString(), new() { WaitUntil = WaitUntilState.Commit });
        await page.WaitForFunctionAsync("() => window.__readyMs !== undefined", null, new() { PollingInterval = 50 });
        var milliseconds = await page.EvaluateAsync<double>("() => window.__readyMs");
        await page.CloseAsync();
        return TimeSpan.FromMilliseconds(milliseconds);
    }

    /// <summary>
    /// Opens <paramref name="path"/> in a new tab and returns the tab once its first page of rows is on screen and its
    /// circuit pages them (the prerendered document has rows but no pager).
    /// </summary>
    public async Task<IPage> OpenListTabAsync(string path) => await GoToListAsync(await NewTabAsync(), path);

    /// <summary>
    /// Opens <paramref name="path"/> as another user would: in a window of its own (a new context with this one's
    /// sign-in). Headless Chromium shows one tab per window and gives the hidden tabs of a window about one frame a
    /// second, so users sharing a window would measure that throttling instead of the console.
    /// </summary>
    public async Task<IPage> OpenUserWindowAsync(string path)
    {
        var window = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = Viewport,
            StorageState = await _context.StorageStateAsync(),
        });
        _userWindows.Add(window);
        await window.AddInitScriptAsync(FirstRowsProbe);
        return await GoToListAsync(await NewTabAsync(window), path);
    }

    private async Task<IPage> GoToListAsync(IPage page, string path)
    {
        await page.GotoAsync(new Uri(_baseUrl, path).ToString(), new() { WaitUntil = WaitUntilState.Commit });
        await page.WaitForFunctionAsync("() => window.__firstRowsMs !== undefined", null, new() { Timeout = 90_000, PollingInterval = 100 });
        await page.WaitForFunctionAsync("() => document.querySelectorAll('.mud-table-pagination-actions button').length === 4", null, new() { Timeout = 90_000, PollingInterval = 100 });
        return page;
    }

    /// <summary>Goes to the next page of the list in <paramref name="page"/>: the times from the click until the new rows are in the document and on screen.</summary>
    public static async Task<PageChange> NextPageAsync(IPage page)
    {
        var times = await page.EvaluateAsync<double[]>(NextPageScript);
        return new PageChange(TimeSpan.FromMilliseconds(times[0]), TimeSpan.FromMilliseconds(times[1]));
    }

    /// <summary>From now on, <paramref name="page"/> notes when its details pane shows <paramref name="mailFromDomain"/>.</summary>
    public static Task WatchPaneAsync(IPage page, string mailFromDomain) => page.EvaluateAsync(WatchPaneScript, mailFromDomain);

    /// <summary>When (the machine's clock) the watched pane showed its text.</summary>
    public static async Task<DateTimeOffset> PaneShownAtAsync(IPage page, TimeSpan timeout)
    {
        await page.WaitForFunctionAsync("() => window.__paneShownAt !== undefined", null, new() { Timeout = (float)timeout.TotalMilliseconds, PollingInterval = 100 });
        return DateTimeOffset.FromUnixTimeMilliseconds((long)await page.EvaluateAsync<double>("() => window.__paneShownAt"));
    }

    /// <summary>Waits until a fresh list tab shows no progress bar: the first round has read every identity.</summary>
    public async Task WaitForRoundCompleteAsync(string path, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var page = await OpenListTabAsync(path);
            var loading = await page.GetByTestId("view-progress").CountAsync() > 0;
            await page.CloseAsync();
            if (!loading) return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The first round was not complete within {timeout.TotalSeconds:F0} s.");
            await Task.Delay(TimeSpan.FromSeconds(5));
        }
    }

    /// <summary>Closes every tab and user window (each closes its circuit); the context keeps the sign-in.</summary>
    public async Task CloseTabsAsync()
    {
        foreach (var page in _context.Pages.ToList()) await page.CloseAsync();
        foreach (var window in _userWindows) await window.DisposeAsync();
        _userWindows.Clear();
    }

    private async Task<IPage> NewTabAsync(IBrowserContext? window = null)
    {
        var page = await (window ?? _context).NewPageAsync();
        page.SetDefaultTimeout(30_000);
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        await CloseTabsAsync();
        await _context.DisposeAsync();
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
