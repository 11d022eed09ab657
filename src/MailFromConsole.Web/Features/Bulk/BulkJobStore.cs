using MailFromConsole.Core.Bulk;
using MailFromConsole.Core.Ses;
using MailFromConsole.Web.Features.Bulk.Storage;
using MailFromConsole.Web.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;

namespace MailFromConsole.Web.Features.Bulk;

/// <summary>The jobs and their rows in the console database (shared by the instances of one PostgreSQL database).</summary>
public sealed class BulkJobStore(IDbContextFactory<ConsoleDbContext> database, TimeProvider time)
{
    private static readonly string[] Active = [nameof(BulkJobState.Running), nameof(BulkJobState.Cancelling)];

    private long Now => time.GetUtcNow().ToUnixTimeMilliseconds();

    public async Task<long> CreateAsync(BulkReview review, string startedBy, string role, CancellationToken cancellationToken)
    {
        await using var db = await database.CreateDbContextAsync(cancellationToken);
        var job = new BulkJobRecord
        {
            Region = review.Request.Region,
            Pattern = review.Request.Pattern.Trim(),
            Behavior = review.Request.Behavior.ToString(),
            StartedBy = startedBy,
            StartedByRole = role,
            CreatedMs = Now,
            State = nameof(BulkJobState.Running),
        };
        db.Add(job);
        await db.SaveChangesAsync(cancellationToken);
        db.AddRange(review.Rows.Select((row, i) => new BulkJobRowRecord
        {
            JobId = job.Id,
            Position = i,
            Identity = row.Identity,
            MailFromDomain = row.MailFromDomain,
            Before = Infrastructure.Changes.AuditText.MailFrom(row.Current),
            ZoneId = row.Zone?.Id,
            ZoneName = row.Zone?.Name,
            Plan = row.Plan(review.Request.Behavior),
            State = (row.Skipped ? BulkRowState.Skipped : BulkRowState.Queued).ToString(),
            Result = row.SkipReason,
            UpdatedMs = Now,
        }));
        await db.SaveChangesAsync(cancellationToken);
        return job.Id;
    }

    public async Task<IReadOnlyList<long>> ActiveJobIdsAsync(CancellationToken cancellationToken)
    {
        await using var db = await database.CreateDbContextAsync(cancellationToken);
        return await db.Set<BulkJobRecord>().Where(j => Active.Contains(j.State)).OrderBy(j => j.Id).Select(j => j.Id).ToListAsync(cancellationToken);
    }

    public async Task<BulkJobRecord?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await database.CreateDbContextAsync(cancellationToken);
        return await db.Set<BulkJobRecord>().AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, cancellationToken);
    }

    public async Task<IReadOnlyList<BulkJobRowRecord>> RowsAsync(long jobId, CancellationToken cancellationToken)
    {
        await using var db = await database.CreateDbContextAsync(cancellationToken);
        return await db.Set<BulkJobRowRecord>().AsNoTracking().Where(r => r.JobId == jobId).OrderBy(r => r.Position).ToListAsync(cancellationToken);
    }

    /// <summary>Writes the rows' new state in one transaction (before an AWS call, and after it).</summary>
    public async Task SetAsync(IEnumerable<BulkJobRowRecord> rows, BulkRowState state, string? result = null, string? changeId = null)
    {
        var ids = rows.Select(r => r.Id).ToList();
        // Not the job's token: once AWS has answered, its outcome must be recorded even while the host stops.
        await using var db = await database.CreateDbContextAsync(CancellationToken.None);
        var now = Now;
        await db.Set<BulkJobRowRecord>().Where(r => ids.Contains(r.Id)).ExecuteUpdateAsync(u => u
            .SetProperty(r => r.State, state.ToString())
            .SetProperty(r => r.Result, r => result ?? r.Result)
            .SetProperty(r => r.ChangeId, r => changeId ?? r.ChangeId)
            .SetProperty(r => r.UpdatedMs, now), CancellationToken.None);
    }

    public async Task<bool> RequestCancelAsync(long id, string user, CancellationToken cancellationToken)
    {
        await using var db = await database.CreateDbContextAsync(cancellationToken);
        return await db.Set<BulkJobRecord>().Where(j => j.Id == id && j.State == nameof(BulkJobState.Running))
            .ExecuteUpdateAsync(u => u.SetProperty(j => j.State, nameof(BulkJobState.Cancelling)).SetProperty(j => j.CancelledBy, user), cancellationToken) == 1;
    }

    public async Task<bool> CancelRequestedAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await database.CreateDbContextAsync(cancellationToken);
        return await db.Set<BulkJobRecord>().AnyAsync(j => j.Id == id && j.State == nameof(BulkJobState.Cancelling), cancellationToken);
    }

    public async Task FinishAsync(long id, BulkJobState state)
    {
        await using var db = await database.CreateDbContextAsync(CancellationToken.None);
        var now = Now;
        await db.Set<BulkJobRecord>().Where(j => j.Id == id).ExecuteUpdateAsync(u => u.SetProperty(j => j.State, state.ToString()).SetProperty(j => j.FinishedMs, now), CancellationToken.None);
    }

    /// <summary>The newest jobs first, with their rows counted per state.</summary>
    /// <param name="only">One job's summary (empty when there is no such job).</param>
    public async Task<IReadOnlyList<BulkJobSummary>> SummariesAsync(int take, TimeSpan minimumPerRow, CancellationToken cancellationToken, long? only = null)
    {
        await using var db = await database.CreateDbContextAsync(cancellationToken);
        var jobs = await db.Set<BulkJobRecord>().AsNoTracking().Where(j => only == null || j.Id == only)
            .OrderByDescending(j => j.Id).Take(take).ToListAsync(cancellationToken);
        var ids = jobs.Select(j => j.Id).ToList();
        var counts = (await db.Set<BulkJobRowRecord>().Where(r => ids.Contains(r.JobId))
                .GroupBy(r => new { r.JobId, r.State })
                .Select(g => new { g.Key.JobId, g.Key.State, Count = g.Count(), First = g.Min(r => r.UpdatedMs), Last = g.Max(r => r.UpdatedMs) })
                .ToListAsync(cancellationToken))
            .ToLookup(c => c.JobId);
        return [.. jobs.Select(job =>
        {
            var byState = counts[job.Id].ToDictionary(c => Enum.Parse<BulkRowState>(c.State));
            int Count(BulkRowState s) => byState.TryGetValue(s, out var c) ? c.Count : 0;
            var total = byState.Values.Sum(c => c.Count);
            var settled = Count(BulkRowState.Done) + Count(BulkRowState.Failed) + Count(BulkRowState.Skipped) + Count(BulkRowState.Cancelled);
            var finishedRows = new[] { BulkRowState.Done, BulkRowState.Failed }.Where(byState.ContainsKey).Select(s => byState[s]).ToList();
            var state = Enum.Parse<BulkJobState>(job.State);
            TimeSpan? eta = state is BulkJobState.Running or BulkJobState.Cancelling
                ? JobEta.Remaining(total - settled, finishedRows.Sum(c => c.Count),
                    finishedRows.Count == 0 ? TimeSpan.Zero : TimeSpan.FromMilliseconds(finishedRows.Max(c => c.Last) - finishedRows.Min(c => c.First)), minimumPerRow)
                : null;
            return new BulkJobSummary(job.Id, job.Region, job.Pattern, Enum.Parse<BehaviorOnMxFailure>(job.Behavior), job.StartedBy,
                DateTimeOffset.FromUnixTimeMilliseconds(job.CreatedMs), job.FinishedMs is { } f ? DateTimeOffset.FromUnixTimeMilliseconds(f) : null,
                state, total, settled, Count(BulkRowState.Done), Count(BulkRowState.Failed), Count(BulkRowState.Skipped), eta);
        })];
    }
}
