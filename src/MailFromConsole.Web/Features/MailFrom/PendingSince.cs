using System.Collections.Concurrent;
using System.Text.Json;
using MailFromConsole.Core.Ses;
using MailFromConsole.Web.Infrastructure.Cluster;
using MailFromConsole.Web.Infrastructure.Storage;
using MailFromConsole.Web.Infrastructure.Storage.Records;
using Microsoft.EntityFrameworkCore;

namespace MailFromConsole.Web.Features.MailFrom;

/// <summary>
/// SES does not say since when a MAIL FROM domain is Pending, so the console remembers it, in its database (a restart
/// and every instance see the same time): the service that sets MAIL FROM starts it (<see cref="StartedAsync"/>: SES's
/// detection window starts again), and a domain first seen Pending otherwise (set elsewhere) counts from that sight.
/// Read through a copy in memory (the dashboard asks for every identity); other instances' writes reach it by a
/// change notification.
/// </summary>
public sealed class PendingSince(IDbContextFactory<ConsoleDbContext> database, IChangeNotifications notifications, TimeProvider time, ILogger<PendingSince> logger) : IPendingSince, IDisposable
{
    public const string Topic = "pending-since";

    private sealed record Seen(string MailFromDomain, DateTimeOffset Since);

    private sealed record Key(string Region, string Identity);

    // One statement both providers read alike: the first instance to see a domain Pending keeps its time, unless it was set anew.
    private const string Insert = """INSERT INTO pending_since ("Region", "Identity", "MailFromDomain", "SinceMs") VALUES ({0}, {1}, {2}, {3}) ON CONFLICT ("Region", "Identity") """;
    private const string InsertUnlessKnown = Insert + "DO NOTHING";
    private const string InsertOrReplace = Insert + """DO UPDATE SET "MailFromDomain" = excluded."MailFromDomain", "SinceMs" = excluded."SinceMs" """;

    private readonly ConcurrentDictionary<Key, Seen> known = new();
    private readonly SemaphoreSlim loading = new(1, 1);
    private IDisposable? listening;
    private volatile bool loaded;

    public async Task<DateTimeOffset?> SinceAsync(string region, string identity, IdentityMailFromDomainAttributes? attributes, CancellationToken cancellationToken = default)
    {
        await EnsureLoadedAsync(cancellationToken);
        var key = new Key(region, identity);
        known.TryGetValue(key, out var seen);
        if (attributes is not { MailFromDomain: { } domain, MailFromDomainStatus: CustomMailFromStatus.Pending })
        {
            if (seen is not null) await ForgetAsync(key, cancellationToken);
            return null;
        }
        if (seen is not null && string.Equals(seen.MailFromDomain, domain, StringComparison.OrdinalIgnoreCase)) return seen.Since;
        // First sight: kept only when no instance recorded it first (then its time is the one read back).
        return (await WriteAsync(key, domain, replace: seen is not null, cancellationToken)).Since;
    }

    public async Task StartedAsync(string region, string identity, string mailFromDomain, CancellationToken cancellationToken = default)
    {
        await EnsureLoadedAsync(cancellationToken);
        await WriteAsync(new Key(region, identity), mailFromDomain, replace: true, cancellationToken);
    }

    public void Dispose()
    {
        listening?.Dispose();
        loading.Dispose();
    }

    private async Task EnsureLoadedAsync(CancellationToken cancellationToken)
    {
        if (loaded) return;
        await loading.WaitAsync(cancellationToken);
        try
        {
            if (loaded) return;
            listening = notifications.Subscribe(Topic, OnMessage);
            await using var db = await database.CreateDbContextAsync(cancellationToken);
            foreach (var row in await db.Set<PendingSinceRecord>().AsNoTracking().ToListAsync(cancellationToken))
                known[new Key(row.Region, row.Identity)] = new Seen(row.MailFromDomain, DateTimeOffset.FromUnixTimeMilliseconds(row.SinceMs));
            loaded = true;
        }
        finally
        {
            loading.Release();
        }
    }

    private async Task<Seen> WriteAsync(Key key, string domain, bool replace, CancellationToken cancellationToken)
    {
        var nowMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        await using var db = await database.CreateDbContextAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync(replace ? InsertOrReplace : InsertUnlessKnown, [key.Region, key.Identity, domain, nowMs], cancellationToken);
        var seen = await ReadAsync(db, key, cancellationToken) ?? new Seen(domain, DateTimeOffset.FromUnixTimeMilliseconds(nowMs));
        known[key] = seen;
        await TellOthersAsync(key, cancellationToken);
        return seen;
    }

    private async Task ForgetAsync(Key key, CancellationToken cancellationToken)
    {
        await using var db = await database.CreateDbContextAsync(cancellationToken);
        await db.Set<PendingSinceRecord>().Where(p => p.Region == key.Region && p.Identity == key.Identity).ExecuteDeleteAsync(cancellationToken);
        known.TryRemove(key, out _);
        await TellOthersAsync(key, cancellationToken);
    }

    private static async Task<Seen?> ReadAsync(ConsoleDbContext db, Key key, CancellationToken cancellationToken)
    {
        var row = await db.Set<PendingSinceRecord>().AsNoTracking().SingleOrDefaultAsync(p => p.Region == key.Region && p.Identity == key.Identity, cancellationToken);
        return row is null ? null : new Seen(row.MailFromDomain, DateTimeOffset.FromUnixTimeMilliseconds(row.SinceMs));
    }

    private Task TellOthersAsync(Key key, CancellationToken cancellationToken) =>
        notifications.PublishAsync(Topic, JsonSerializer.Serialize(key), cancellationToken);

    /// <summary>An instance wrote this identity's row: read it again (this instance's own message re-reads what it wrote).</summary>
    private void OnMessage(string payload)
    {
        Key? key;
        try
        {
            key = JsonSerializer.Deserialize<Key>(payload);
        }
        catch (JsonException)
        {
            return;
        }
        if (key is { Region: not null, Identity: not null }) _ = RefreshAsync(key);
    }

    private async Task RefreshAsync(Key key)
    {
        try
        {
            await using var db = await database.CreateDbContextAsync();
            if (await ReadAsync(db, key, CancellationToken.None) is { } seen) known[key] = seen;
            else known.TryRemove(key, out _);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
        {
            // The copy keeps the old time; the next write of this identity on any instance corrects it.
            logger.LogWarning(ex, "Reading the pending-since time of {Identity} in {Region} again failed", key.Identity, key.Region);
        }
    }
}
