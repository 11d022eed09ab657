using System.Collections.Concurrent;
using System.Collections.Immutable;
using MailFromConsole.Core.Ses;
using MailFromConsole.Web.Infrastructure.Errors;
using MailFromConsole.Web.Infrastructure.Hosting;
using Microsoft.Extensions.Options;

namespace MailFromConsole.Web.Features.Identities;

/// <summary>
/// Singleton cache of the identity names per region and type, shared by every circuit, so 10,000 identities are
/// listed once (ListIdentities pages of 1,000 at SES's pace) and then filtered, sorted and paged in memory.
/// A stale list is served at once while a fresh one loads in the background; adds and removals patch the list.
/// </summary>
public sealed class IdentityDirectory(ISesClient ses, TimeProvider time, IOptions<ConsoleTimingOptions> timing, ILogger<IdentityDirectory> logger)
{
    private sealed record Entry(ImmutableSortedSet<string> Names, DateTimeOffset LoadedAt);

    private readonly ConcurrentDictionary<(string Region, IdentityType Type), Entry> entries = new();
    private readonly ConcurrentDictionary<(string Region, IdentityType Type), SemaphoreSlim> gates = new();
    private readonly ConcurrentDictionary<(string Region, IdentityType Type), Task> refreshes = new();

    public async Task<IReadOnlyCollection<string>> NamesAsync(string region, IdentityType type, CancellationToken cancellationToken)
    {
        var key = (region, type);
        if (entries.TryGetValue(key, out var known))
        {
            if (IsStale(known)) StartBackgroundRefresh(key);
            return known.Names;
        }

        // First load: one per region+type at a time, other circuits wait for it instead of repeating it.
        var gate = gates.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (entries.TryGetValue(key, out var loaded)) return loaded.Names;
            return (entries[key] = await LoadAsync(region, type, cancellationToken)).Names;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The background refresh of a stale list, if one runs (tests wait on it).</summary>
    internal Task PendingRefresh(string region, IdentityType type) => refreshes.GetValueOrDefault((region, type)) ?? Task.CompletedTask;

    public void Added(string region, IdentityType type, string identity) => Patch(region, type, names => names.Add(identity));

    public void Removed(string region, string identity)
    {
        foreach (var type in Enum.GetValues<IdentityType>()) Patch(region, type, names => names.Remove(identity));
    }

    private void Patch(string region, IdentityType type, Func<ImmutableSortedSet<string>, ImmutableSortedSet<string>> change)
    {
        var key = (region, type);
        while (entries.TryGetValue(key, out var entry) && !entries.TryUpdate(key, entry with { Names = change(entry.Names) }, entry))
        {
            // Another change won the race: apply ours to its result.
        }
    }

    private void StartBackgroundRefresh((string Region, IdentityType Type) key)
    {
        if (refreshes.TryGetValue(key, out var running) && !running.IsCompleted) return;
        refreshes[key] = Task.Run(async () =>
        {
            // On failure (logged by the edge) the stale list stays in use; the next read tries again.
            var loaded = await ServiceEdge.RunAsync(logger, $"Refresh the {key.Type} list of {key.Region}", () => LoadAsync(key.Region, key.Type, CancellationToken.None));
            if (loaded.Succeeded) entries[key] = loaded.Value!;
        });
    }

    private async Task<Entry> LoadAsync(string region, IdentityType type, CancellationToken cancellationToken)
    {
        var names = ImmutableSortedSet.CreateBuilder<string>(StringComparer.OrdinalIgnoreCase);
        string? token = null;
        do
        {
            var page = await ses.ListIdentitiesAsync(region, type, token, 1000, cancellationToken);
            names.UnionWith(page.Identities);
            token = page.NextToken;
        }
        while (!string.IsNullOrEmpty(token));
        return new Entry(names.ToImmutable(), time.GetUtcNow());
    }

    private bool IsStale(Entry entry) => time.GetUtcNow() - entry.LoadedAt > timing.Value.IdentityListCacheAge;
}
