using System.Collections.Concurrent;
using MailFromConsole.Core.Ses;
using MailFromConsole.Web.Infrastructure.Cluster;
using MailFromConsole.Web.Infrastructure.Errors;
using MailFromConsole.Web.Infrastructure.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MailFromConsole.Web.Features.Status;

/// <summary>
/// The one status cache and poller of this account: watched identities of all circuits are read together, per region,
/// in batches of at most 100, every <see cref="ConsoleTimingOptions.StatusPollInterval"/>. With several instances on one
/// database only the leader (<see cref="ILeaderLease"/>) polls, so together they keep to SES's rate; the others read
/// on demand when a page opens.
/// </summary>
public sealed class MailFromStatusPoller(ISesClient ses, TimeProvider time, IOptions<ConsoleTimingOptions> timing, ILeaderLease lease, ILogger<MailFromStatusPoller> logger)
    : BackgroundService, IMailFromStatusCache
{
    public const int BatchSize = 100;

    private sealed record Cached(IdentityMailFromDomainAttributes? Attributes, DateTimeOffset ReadAt);

    private sealed class Watcher(MailFromStatusPoller owner, string region, string identity, Action<IdentityMailFromDomainAttributes?> onUpdate) : IDisposable
    {
        public string Region => region;
        public string Identity => identity;
        public void Notify(IdentityMailFromDomainAttributes? attributes) => onUpdate(attributes);
        public void Dispose() => owner.watchers.TryRemove(this, out _);
    }

    private readonly ConcurrentDictionary<(string Region, string Identity), Cached> cache = new();
    private readonly ConcurrentDictionary<Watcher, byte> watchers = new();
    private readonly ConcurrentDictionary<string, SemaphoreSlim> regionGates = new();
    private readonly ConcurrentDictionary<string, string> pollErrors = new();

    public async Task<IReadOnlyDictionary<string, IdentityMailFromDomainAttributes>> GetAsync(string region, IReadOnlyCollection<string> identities, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var missing = identities.Distinct().Where(i => !cache.TryGetValue((region, i), out var c) || now - c.ReadAt > timing.Value.StatusCacheAge).ToList();
        if (missing.Count > 0) await FetchAsync(region, missing, cancellationToken);
        var result = new Dictionary<string, IdentityMailFromDomainAttributes>();
        foreach (var identity in identities)
            if (cache.TryGetValue((region, identity), out var c) && c.Attributes is not null) result[identity] = c.Attributes;
        return result;
    }

    public async Task<IdentityMailFromDomainAttributes?> RefreshAsync(string region, string identity, CancellationToken cancellationToken = default)
    {
        await FetchAsync(region, [identity], cancellationToken);
        var attributes = cache.TryGetValue((region, identity), out var c) ? c.Attributes : null;
        foreach (var watcher in watchers.Keys.Where(w => w.Region == region && w.Identity == identity)) Notify(watcher, attributes);
        return attributes;
    }

    public void Invalidate(string region, string identity) => cache.TryRemove((region, identity), out _);

    public IDisposable Watch(string region, string identity, Action<IdentityMailFromDomainAttributes?> onUpdate)
    {
        var watcher = new Watcher(this, region, identity, onUpdate);
        watchers[watcher] = 0;
        return watcher;
    }

    public string? LastPollError(string region) => pollErrors.TryGetValue(region, out var e) ? e : null;

    /// <summary>One round: every watched identity, grouped by region, batches of ≤100. AWS errors are kept per region.</summary>
    public async Task PollOnceAsync(CancellationToken cancellationToken)
    {
        foreach (var group in watchers.Keys.GroupBy(w => w.Region).ToList())
        {
            var identities = group.Select(w => w.Identity).Distinct().ToList();
            // A failure is kept per region and shown; it must not end the poller (and with it the host).
            var poll = await ServiceEdge.RunAsync(logger, $"Status poll for {group.Key}", () => FetchAsync(group.Key, identities, cancellationToken));
            if (!poll.Succeeded)
            {
                pollErrors[group.Key] = poll.Error!;
                continue;
            }
            pollErrors.TryRemove(group.Key, out _);
            foreach (var watcher in group)
                Notify(watcher, cache.TryGetValue((group.Key, watcher.Identity), out var c) ? c.Attributes : null);
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => lease.RunWhileLeaderAsync(async leading =>
    {
        using var timer = new PeriodicTimer(timing.Value.StatusPollInterval, time);
        while (await timer.WaitForNextTickAsync(leading))
            await PollOnceAsync(leading);
    }, stoppingToken);

    private async Task FetchAsync(string region, IReadOnlyList<string> identities, CancellationToken cancellationToken)
    {
        // One fetch per region at a time: the SES limit is per account and region, not per caller.
        var gate = regionGates.GetOrAdd(region, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            foreach (var batch in identities.Chunk(BatchSize))
            {
                var answer = await ses.GetIdentityMailFromDomainAttributesAsync(region, batch, cancellationToken);
                var readAt = time.GetUtcNow();
                foreach (var identity in batch)
                    cache[(region, identity)] = new Cached(answer.TryGetValue(identity, out var a) ? a : null, readAt);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    private void Notify(Watcher watcher, IdentityMailFromDomainAttributes? attributes)
    {
        try
        {
            watcher.Notify(attributes);
        }
        catch (ObjectDisposedException ex)
        {
            // A circuit that went away between the poll and the callback; it unsubscribes on dispose.
            logger.LogDebug(ex, "Watcher of {Identity} is gone", watcher.Identity);
            watcher.Dispose();
        }
    }
}
