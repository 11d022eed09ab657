using MailFromConsole.Core.View;
using MailFromConsole.Web.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;

namespace MailFromConsole.Web.Features.View.Storage;

/// <summary>
/// The account view in the console's database: one short context per batch, so SQLite's one writer is never held long.
/// Saves of this process go one at a time: the sweep's loops write the same new rows, and a read-then-insert of two
/// of them at once would insert a row twice.
/// </summary>
internal sealed class EfAccountViewStore(IDbContextFactory<ConsoleDbContext> factory) : IAccountViewStore
{
    private readonly SemaphoreSlim writes = new(1, 1);

    public async Task<IReadOnlyList<RegionIdentity>> LoadAllAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Set<ViewIdentityRecord>().AsNoTracking().ToListAsync(cancellationToken);
        return rows.Select(r => new RegionIdentity(r.Region, r.ToState())).ToList();
    }

    public async Task<IReadOnlyList<RegionIdentity>> LoadAsync(string region, IReadOnlyCollection<string> identities, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var names = identities.ToList();
        var rows = await db.Set<ViewIdentityRecord>().AsNoTracking().Where(r => r.Region == region && names.Contains(r.Identity)).ToListAsync(cancellationToken);
        return rows.Select(r => new RegionIdentity(r.Region, r.ToState())).ToList();
    }

    public async Task SaveAsync(string region, IReadOnlyCollection<IdentityState> changed, IReadOnlyCollection<string> removed, CancellationToken cancellationToken)
    {
        if (changed.Count == 0 && removed.Count == 0) return;
        await writes.WaitAsync(cancellationToken);
        try
        {
            await SaveOneAtATimeAsync(region, changed, removed, cancellationToken);
        }
        finally
        {
            writes.Release();
        }
    }

    private async Task SaveOneAtATimeAsync(string region, IReadOnlyCollection<IdentityState> changed, IReadOnlyCollection<string> removed, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var names = changed.Select(c => c.Identity).ToList();
        var existing = await db.Set<ViewIdentityRecord>().Where(r => r.Region == region && names.Contains(r.Identity)).ToDictionaryAsync(r => r.Identity, StringComparer.Ordinal, cancellationToken);
        foreach (var state in changed)
        {
            if (existing.TryGetValue(state.Identity, out var record)) record.CopyFrom(state);
            else db.Add(ViewIdentityRecord.From(region, state));
        }
        await db.SaveChangesAsync(cancellationToken);
        if (removed.Count > 0)
        {
            var gone = removed.ToList();
            await db.Set<ViewIdentityRecord>().Where(r => r.Region == region && gone.Contains(r.Identity)).ExecuteDeleteAsync(cancellationToken);
        }
    }

    public async Task AppendHistoryAsync(IReadOnlyCollection<HistoryEntry> entries, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.AddRange(entries.Select(ViewHistoryRecord.From));
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<HistoryEntry>> HistoryAsync(string region, string identity, int max, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Set<ViewHistoryRecord>().AsNoTracking()
            .Where(h => h.Region == region && h.Identity == identity)
            .OrderByDescending(h => h.AtMs).ThenByDescending(h => h.Id).Take(max).ToListAsync(cancellationToken);
        return rows.Select(r => r.ToEntry()).ToList();
    }

    public async Task<IReadOnlyList<HistoryEntry>> RecentDriftAsync(int max, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Set<ViewHistoryRecord>().AsNoTracking()
            .Where(h => h.IsDrift).OrderByDescending(h => h.AtMs).ThenByDescending(h => h.Id).Take(max).ToListAsync(cancellationToken);
        return rows.Select(r => r.ToEntry()).ToList();
    }
}
