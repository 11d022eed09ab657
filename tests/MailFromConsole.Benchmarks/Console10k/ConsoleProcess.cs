using System.Diagnostics.Tracing;
using System.Globalization;
using Microsoft.Diagnostics.NETCore.Client;

namespace MailFromConsole.Benchmarks.Console10k;

/// <summary>The running console's OS process: found by its unique data-folder argument, measured through /proc.</summary>
internal sealed class ConsoleProcess(int id)
{
    // GC (0x1) | GCHeapCollect (0x800000): enabling the runtime provider with GCHeapCollect induces a full blocking
    // GC, as dotnet-gcdump does, so the memory read afterwards is not inflated by garbage the GC has not yet reclaimed.
    private const long InduceGcKeywords = 0x1 | 0x800000;

    public int Id { get; } = id;

    /// <summary>The process whose command line carries <paramref name="argument"/> (ConsoleApp does not expose its process).</summary>
    public static ConsoleProcess FindByArgument(string argument)
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            string[] arguments;
            try
            {
                arguments = File.ReadAllText(Path.Combine(dir, "cmdline")).Split('\0');
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                continue; // the process ended while we looked, or is not ours to read
            }
            if (arguments.Contains(argument, StringComparer.Ordinal)) return new ConsoleProcess(pid);
        }
        throw new InvalidOperationException($"No process has the argument {argument}.");
    }

    /// <summary>VmRSS and RssAnon (the private, non-file part) in KiB, from /proc/&lt;pid&gt;/status.</summary>
    public MemorySample ReadMemory()
    {
        var fields = File.ReadAllLines($"/proc/{Id}/status")
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0], parts => parts[1].Trim());
        return new MemorySample(Kib(fields["VmRSS"]), Kib(fields["RssAnon"]));
    }

    /// <summary>Induces full GCs in the console and lets it go quiet, then reads its memory.</summary>
    public async Task<MemorySample> SettleAndReadAsync(CancellationToken cancellationToken)
    {
        for (var round = 0; round < 2; round++)
        {
            await InduceGcAsync(cancellationToken);
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }
        return ReadMemory();
    }

    private async Task InduceGcAsync(CancellationToken cancellationToken)
    {
        var client = new DiagnosticsClient(Id);
        using var session = await client.StartEventPipeSessionAsync(
            [new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, InduceGcKeywords)],
            requestRundown: false, circularBufferMB: 16, cancellationToken);
        // The runtime streams the session's events; read them so it never waits on a full pipe.
        var drain = session.EventStream.CopyToAsync(Stream.Null, cancellationToken);
        await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        await session.StopAsync(cancellationToken);
        await drain;
    }

    private static long Kib(string value) => long.Parse(value.Split(' ')[0], CultureInfo.InvariantCulture);
}

internal readonly record struct MemorySample(long RssKib, long RssAnonKib);
