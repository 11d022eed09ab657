namespace MailFromConsole.Benchmarks.Console10k;

/// <summary>
/// One run of <see cref="ConcurrentUsers"/>: page changes made; the median, p95 and slowest until on screen (the
/// goal's measure) and the median and p95 until the rows were in the document; the SES requests sent meanwhile; and
/// the CPU time per page change of the console and of Chromium (the tabs share the cores with the console), and
/// of that the tabs' renderer main threads by kind; how busy the machine's cores were; and,
/// before the clicking began, the CPU time per second of the console and of Chromium with every window open and idle.
/// </summary>
internal sealed record UsersResult(
    int Users, TimeSpan Elapsed, int Changes, TimeSpan Median, TimeSpan P95, TimeSpan Slowest,
    TimeSpan InDocumentMedian, TimeSpan InDocumentP95, int SesCalls, TimeSpan ConsoleCpuPerChange, TimeSpan ChromiumCpuPerChange, RendererTime RenderersPerChange, double MachineBusy,
    TimeSpan IdleConsoleCpuPerSecond, TimeSpan IdleChromiumCpuPerSecond);
