using System.Collections.Concurrent;
using MailFromConsole.Core.Ses;
using Microsoft.Extensions.Options;

namespace MailFromConsole.Web.Services;

/// <summary>
/// Singleton cache of the identity names per region and type, shared by every circuit, so 10,000 identities are
/// listed once (ListIdentities pages of 1,000) and then filtered, sorted and paged in memory.
/// </summary>
public sealed class IdentityDirectory(ISesClient ses, TimeProvider time, IOptions<ConsoleTimingOptions> timing)
{
    private sealed record Entry(IReadOnlyList<string> Names, DateTimeOffset LoadedAt);

    private readonly ConcurrentDictionary<(string Region, IdentityType Type), Entry> entries = new();
    private readonly ConcurrentDictionary<(string Region, IdentityType Type), SemaphoreSlim> gates = new();

    public async Task<IReadOnlyList<string>> NamesAsync(string region, IdentityType type, CancellationToken cancellationToken)
    {
        var key = (region, type);
        if (entries.TryGetValue(key, out var fresh) && !IsStale(fresh)) return fresh.Names;

        // One load per region+type at a time: other circuits wait for it instead of repeating it.
        var gate = gates.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (entries.TryGetValue(key, out var loaded) && !IsStale(loaded)) return loaded.Names;
            var names = new List<string>();
            string? token = null;
            do
            {
                var page = await ses.ListIdentitiesAsync(region, type, token, 1000, cancellationToken);
                names.AddRange(page.Identities);
                token = page.NextToken;
            }
            while (!string.IsNullOrEmpty(token));
            var entry = new Entry(names, time.GetUtcNow());
            entries[key] = entry;
            return entry.Names;
        }
        finally
        {
            gate.Release();
        }
    }

    public void Invalidate(string region)
    {
        foreach (var key in entries.Keys.Where(k => k.Region == region)) entries.TryRemove(key, out _);
    }

    private bool IsStale(Entry entry) => time.GetUtcNow() - entry.LoadedAt > timing.Value.IdentityListCacheAge;
}
