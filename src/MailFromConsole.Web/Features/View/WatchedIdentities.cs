namespace MailFromConsole.Web.Features.View;

/// <summary>
/// The identities users have open right now (details pane, status page, assistant), counted per circuit so the
/// sweeper reads them first; a newly watched identity wakes the sweeper.
/// </summary>
public sealed class WatchedIdentities
{
    private readonly Dictionary<(string Region, string Identity), int> counts = [];

    public event Action<string>? Added;

    /// <summary>Watches until the returned handle is disposed.</summary>
    public IDisposable Watch(string region, string identity)
    {
        bool first;
        lock (counts)
        {
            counts[(region, identity)] = counts.GetValueOrDefault((region, identity)) + 1;
            first = counts[(region, identity)] == 1;
        }
        if (first) Added?.Invoke(region);
        return new Handle(this, region, identity);
    }

    public IReadOnlySet<string> In(string region)
    {
        lock (counts) return counts.Keys.Where(k => k.Region == region).Select(k => k.Identity).ToHashSet(StringComparer.Ordinal);
    }

    private void Release(string region, string identity)
    {
        lock (counts)
        {
            if (!counts.TryGetValue((region, identity), out var count)) return;
            if (count <= 1) counts.Remove((region, identity));
            else counts[(region, identity)] = count - 1;
        }
    }

    private sealed class Handle(WatchedIdentities owner, string region, string identity) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0) owner.Release(region, identity);
        }
    }
}
