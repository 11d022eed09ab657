using System.Diagnostics;
using MailFromConsole.EndToEnd;

namespace MailFromConsole.Benchmarks.Console10k;

/// <summary>
/// N signed-in users, each a Domains tab of its own circuit in a browser window of its own, going to the next page of the list over and over for a
/// while (a short pause between clicks, as a reader would): how long each page change took, and how many requests the
/// console sent to SES meanwhile (counted in its log), which must not grow with the number of users.
/// </summary>
internal static class ConcurrentUsers
{
    // The console logs this line once per request its SES client sends (System.Net.Http.HttpClient.ISesClient.ClientHandler at Information).
    private const string SesRequestLine = "ISesClient.ClientHandler[100]";

    /// <summary>The console settings that make it log each SES request it sends.</summary>
    public static KeyValuePair<string, string> LogSesRequests => new("Logging:LogLevel:System.Net.Http.HttpClient.ISesClient.ClientHandler", "Information");

    public static async Task<UsersResult> RunAsync(ConsoleBrowser browser, ConsoleApp console, ConsoleProcess process, string path, int users, TimeSpan duration, TimeSpan pause, CancellationToken cancellationToken)
    {
        // Each user a window of its own, opened one after the other (at once, 10 tabs took over 30 s on a loaded machine): opening is not measured.
        var tabs = new List<Microsoft.Playwright.IPage>();
        for (var i = 0; i < users; i++) tabs.Add(await browser.OpenUserWindowAsync(path));

        // First a few seconds with every window open and nobody clicking: what open windows cost by themselves.
        var idleConsoleBefore = process.ReadCpuTime();
        var idleChromiumBefore = ConsoleProcess.ReadChromiumCpuTime();
        await Task.Delay(IdleWindow, cancellationToken);
        var idleConsole = (process.ReadCpuTime() - idleConsoleBefore) / IdleWindow.TotalSeconds;
        var idleChromium = (ConsoleProcess.ReadChromiumCpuTime() - idleChromiumBefore) / IdleWindow.TotalSeconds;

        var sesBefore = CountSesRequests(console.Output);
        var cpuBefore = process.ReadCpuTime();
        var chromiumBefore = ConsoleProcess.ReadChromiumCpuTime();
        var machineBefore = MachineCpu.Read();
        var timers = await Task.WhenAll(tabs.Select(RendererTimer.StartAsync));
        var renderersBefore = await Task.WhenAll(timers.Select(t => t.ReadAsync()));
        var clock = Stopwatch.StartNew();
        var changes = await Task.WhenAll(tabs.Select(async tab =>
        {
            var times = new List<PageChange>();
            while (clock.Elapsed < duration)
            {
                times.Add(await ConsoleBrowser.NextPageAsync(tab));
                await Task.Delay(pause, cancellationToken);
            }
            return times;
        }));
        var elapsed = clock.Elapsed;
        var sesCalls = CountSesRequests(console.Output) - sesBefore;
        var consoleCpu = process.ReadCpuTime() - cpuBefore;
        var chromiumCpu = ConsoleProcess.ReadChromiumCpuTime() - chromiumBefore;
        var machineBusy = MachineCpu.Read().BusySince(machineBefore);
        var renderersAfter = await Task.WhenAll(timers.Select(t => t.ReadAsync()));
        foreach (var timer in timers) await timer.DisposeAsync();
        var renderers = renderersAfter.Zip(renderersBefore, (after, before) => after - before).Aggregate(default(RendererTime), (sum, one) => sum + one);
        await browser.CloseTabsAsync();

        var all = changes.SelectMany(t => t).ToList();
        var onScreen = all.Select(c => c.OnScreen).Order().ToList();
        var inDocument = all.Select(c => c.RowsInDocument).Order().ToList();
        return new UsersResult(users, elapsed, all.Count, Percentile(onScreen, 0.5), Percentile(onScreen, 0.95), onScreen[^1],
            Percentile(inDocument, 0.5), Percentile(inDocument, 0.95), sesCalls, consoleCpu / all.Count, chromiumCpu / all.Count, renderers.Per(all.Count), machineBusy, idleConsole, idleChromium);
    }

    private static readonly TimeSpan IdleWindow = TimeSpan.FromSeconds(10);

    private static int CountSesRequests(string output)
    {
        var count = 0;
        for (var at = output.IndexOf(SesRequestLine, StringComparison.Ordinal); at >= 0; at = output.IndexOf(SesRequestLine, at + 1, StringComparison.Ordinal))
            count++;
        return count;
    }

    private static TimeSpan Percentile(List<TimeSpan> sorted, double fraction) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(fraction * sorted.Count) - 1)];
}
