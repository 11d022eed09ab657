using Microsoft.Playwright;

namespace MailFromConsole.Benchmarks.Console10k;

/// <summary>
/// A tab renderer's main-thread time through Chromium's Performance domain (script, style recalculation, layout,
/// and all its tasks, which include paint and idle work). Chromium counts from when the domain is enabled, so one
/// session stays open for the whole measured window.
/// </summary>
internal sealed class RendererTimer : IAsyncDisposable
{
    private readonly ICDPSession _session;

    private RendererTimer(ICDPSession session) => _session = session;

    /// <summary>Starts counting <paramref name="page"/>'s renderer main-thread time (through the page's own context: each user has one).</summary>
    public static async Task<RendererTimer> StartAsync(IPage page)
    {
        var session = await page.Context.NewCDPSessionAsync(page);
        await session.SendAsync("Performance.enable");
        return new RendererTimer(session);
    }

    /// <summary>The time counted since <see cref="StartAsync"/>.</summary>
    public async Task<RendererTime> ReadAsync()
    {
        var reply = await _session.SendAsync("Performance.getMetrics");
        var metrics = reply!.Value.GetProperty("metrics").EnumerateArray()
            .ToDictionary(m => m.GetProperty("name").GetString()!, m => m.GetProperty("value").GetDouble());
        return new RendererTime(
            TimeSpan.FromSeconds(metrics["ScriptDuration"]), TimeSpan.FromSeconds(metrics["RecalcStyleDuration"]),
            TimeSpan.FromSeconds(metrics["LayoutDuration"]), TimeSpan.FromSeconds(metrics["TaskDuration"]));
    }

    public async ValueTask DisposeAsync() => await _session.DetachAsync();
}
