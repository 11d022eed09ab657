using MailFromConsole.Core;
using MailFromConsole.Core.Bulk;
using MailFromConsole.Core.Records;
using MailFromConsole.Core.Route53;
using MailFromConsole.Core.Ses;
using MailFromConsole.Web.Features.Account;
using MailFromConsole.Web.Features.Audit;
using MailFromConsole.Web.Features.Bulk.Storage;
using MailFromConsole.Web.Features.MailFrom;
using MailFromConsole.Web.Features.View;
using MailFromConsole.Web.Infrastructure.Auth;
using MailFromConsole.Web.Infrastructure.Changes;
using MailFromConsole.Web.Infrastructure.Errors;
using Microsoft.Extensions.Options;

namespace MailFromConsole.Web.Features.Bulk;

/// <summary>
/// Runs the active jobs to their end: first the Route 53 records, one batch per zone (as few as the limits allow),
/// then SetIdentityMailFromDomain per identity at SES's pace (the wire client's limiter, shared with the sweeper and
/// other instances). Each row's state is written before and after its AWS call; after a restart a row left "sending"
/// is resolved by reading AWS, so no row is sent twice or lost. Every change goes through the change gate as the
/// job's starter, and the account view is told as for a single change.
/// </summary>
internal sealed class BulkJobRunner(
    BulkJobStore store,
    ISesClient ses,
    IRoute53Accounts route53,
    AccountView view,
    IPendingSince pendingSince,
    IChangeLocks locks,
    UserDirectory directory,
    IOptions<ConsoleAuthOptions> auth,
    IAuditLog auditLog,
    TimeProvider time,
    ILogger<BulkJobRunner> logger,
    ILogger<ChangeGate> gateLogger)
{
    private const int SesReadBatch = 100;

    /// <summary>Runs every active job, oldest first, until none is left or <paramref name="cancellationToken"/> stops it.</summary>
    public async Task RunActiveJobsAsync(CancellationToken cancellationToken)
    {
        foreach (var id in await store.ActiveJobIdsAsync(cancellationToken))
            await RunAsync(id, cancellationToken);
    }

    private async Task RunAsync(long jobId, CancellationToken cancellationToken)
    {
        var job = await store.FindAsync(jobId, cancellationToken) ?? throw new InvalidOperationException($"Bulk job {jobId} is gone.");
        var user = new JobUser(job.StartedBy, Enum.Parse<ConsoleRole>(job.StartedByRole), directory, auth.Value.Oidc.IsConfigured);
        var gate = new ChangeGate(user, new AuditTrail(auditLog, user, time), gateLogger);
        var behavior = Enum.Parse<BehaviorOnMxFailure>(job.Behavior);
        var rows = await store.RowsAsync(jobId, cancellationToken);
        logger.LogInformation("Bulk job {Job}: {Rows} rows, started by {User}", jobId, rows.Count, job.StartedBy);

        await PublishRecordsAsync(job, gate, rows, cancellationToken);
        rows = await store.RowsAsync(jobId, cancellationToken);
        await SetMailFromAsync(job, gate, behavior, rows, cancellationToken);

        var cancelled = await store.CancelRequestedAsync(jobId, cancellationToken);
        if (cancelled) await store.SetAsync((await store.RowsAsync(jobId, cancellationToken)).Where(r => r.State is nameof(BulkRowState.Queued) or nameof(BulkRowState.RecordsDone)),
            BulkRowState.Cancelled, "Cancelled before it was finished");
        await store.FinishAsync(jobId, cancelled ? BulkJobState.Cancelled : BulkJobState.Finished);
    }

    private async Task PublishRecordsAsync(BulkJobRecord job, ChangeGate gate, IReadOnlyList<BulkJobRowRecord> rows, CancellationToken cancellationToken)
    {
        var zones = new ZoneDirectory(route53);
        foreach (var inZone in rows.Where(r => r.ZoneId is not null && r.State is nameof(BulkRowState.Queued) or nameof(BulkRowState.RecordsSending)).GroupBy(r => r.ZoneId!))
        {
            var first = inZone.First();
            var zone = new HostedZone(first.ZoneId!, first.ZoneName!, false, 0);
            await PublishZoneAsync(job, gate, zones, zone, [.. inZone], alone: false, cancellationToken);
        }
    }

    /// <summary>
    /// Plans each row again from the records as they are now (a row "sending" before a crash whose batch was applied
    /// has nothing left to change), then sends the batches. A batch Route 53 refuses because records moved is sent
    /// again one row at a time, so only the rows concerned fail. A batch Route 53 did not answer is not guessed at:
    /// its rows are planned again from the zone read back (<paramref name="afterNoAnswer"/>), so a batch that landed is
    /// done and one that did not is sent once more, alone. The batches only CREATE and DELETE the values read, so even
    /// a lost batch applied late cannot write a record twice: Route 53 refuses whichever of the two comes second.
    /// </summary>
    private async Task PublishZoneAsync(BulkJobRecord job, ChangeGate gate, ZoneDirectory zones, HostedZone zone, IReadOnlyList<BulkJobRowRecord> rows, bool alone,
        CancellationToken cancellationToken, bool afterNoAnswer = false)
    {
        var toSend = new List<(BulkJobRowRecord Row, RecordSetPlan Plan)>();
        foreach (var row in rows)
        {
            var plan = RecordSetPlanner.MailFrom(row.MailFromDomain!, job.Region, await zones.SetsAtAsync(zone, row.MailFromDomain!, cancellationToken));
            if (plan.Refusal is not null) await store.SetAsync([row], BulkRowState.Failed, plan.Refusal);
            else if (plan.Changes.Count == 0) await store.SetAsync([row], BulkRowState.RecordsDone, InPlace(row, afterNoAnswer));
            else toSend.Add((row, plan));
        }
        var batches = alone ? [.. toSend.Select(r => (IReadOnlyList<(BulkJobRowRecord Row, RecordSetPlan Plan)>)[r])] : ChangeBatches.Pack(toSend, r => r.Plan.Changes);
        foreach (var batch in batches)
        {
            if (await CancelledAsync(job, batch.Select(b => b.Row), cancellationToken)) return;
            var batchRows = batch.Select(b => b.Row).ToList();
            await store.SetAsync(batchRows, BulkRowState.RecordsSending);
            var lines = batch.SelectMany(b => b.Plan.Lines).ToList();
            // The account is chosen by name, as when the zone was found.
            var account = route53.For(batchRows[0].MailFromDomain!);
            var attempt = new AuditChange(AuditActions.PublishRecords, job.Region, batchRows.Count == 1 ? batchRows[0].Identity : $"{batchRows.Count} identities")
            {
                Before = AuditText.Records(lines, after: false),
                After = AuditText.Records(lines, after: true),
                Detail = $"Bulk job {job.Id}: hosted zone {zone.Id} in {account.Describe()}" + (batchRows.Count == 1 ? "" : $" ({string.Join(", ", batchRows.Select(r => r.Identity))})"),
            };
            var result = await gate.ChangeAsync(ConsoleRole.Operator, attempt, async change =>
            {
                var accepted = await account.Client.ChangeResourceRecordSetsAsync(zone.Id, [.. batch.SelectMany(b => b.Plan.Changes)], $"MailFromConsole bulk job {job.Id}", cancellationToken);
                change.Entry = attempt with { ChangeId = accepted.Id };
                return ServiceResult<ChangeInfo>.Ok(accepted);
            });
            if (result.Succeeded) await store.SetAsync(batchRows, BulkRowState.RecordsDone, $"Route 53 accepted change {result.Value!.Id}", result.Value.Id);
            else if (result.ErrorCode == "InvalidChangeBatch" && batchRows.Count > 1)
            {
                zones.Forget(zone);
                await PublishZoneAsync(job, gate, zones, zone, batchRows, alone: true, cancellationToken, afterNoAnswer);
            }
            else if (result.ErrorCode == ServiceEdge.OutcomeUnknownCode && !afterNoAnswer)
            {
                logger.LogWarning("Bulk job {Job}: Route 53 did not answer the batch for {Rows} rows of zone {Zone}; reading the zone back", job.Id, batchRows.Count, zone.Id);
                zones.Forget(zone);
                await PublishZoneAsync(job, gate, zones, zone, batchRows, alone: true, cancellationToken, afterNoAnswer: true);
            }
            else await store.SetAsync(batchRows, BulkRowState.Failed, $"Route 53: {result.Error}");
        }
    }

    private static string InPlace(BulkJobRowRecord row, bool afterNoAnswer) =>
        afterNoAnswer ? "Records in place: Route 53 did not answer, and the zone read back shows the change applied"
        : row.State == nameof(BulkRowState.RecordsSending) ? "Records in place (confirmed by reading Route 53 after a restart)"
        : "Records in place";

    private async Task SetMailFromAsync(BulkJobRecord job, ChangeGate gate, BehaviorOnMxFailure behavior, IReadOnlyList<BulkJobRowRecord> rows, CancellationToken cancellationToken)
    {
        var due = rows.Where(r => r.State is nameof(BulkRowState.RecordsDone) or nameof(BulkRowState.MailFromSending)
            || (r.State == nameof(BulkRowState.Queued) && r.ZoneId is null)).ToList();
        foreach (var chunk in due.Chunk(SesReadBatch))
        {
            // SES's setting right before the calls: the review's "before" must still hold, and a lost answer is known.
            var current = await ses.GetIdentityMailFromDomainAttributesAsync(job.Region, [.. chunk.Select(r => r.Identity)], cancellationToken);
            foreach (var row in chunk)
            {
                var settingNow = current.TryGetValue(row.Identity, out var a) && a.MailFromDomain is not null ? a : null;
                var wasSending = row.State == nameof(BulkRowState.MailFromSending);
                var reviewed = Reviewed(row.Before);
                switch (BulkRowDecisions.Next(settingNow, reviewed.Domain, reviewed.Behavior, row.MailFromDomain!, behavior))
                {
                    case MailFromStep.AlreadySet:
                        await store.SetAsync([row], BulkRowState.Done, wasSending ? "Done (confirmed by reading SES after a restart)" : "SES already had this setting");
                        break;
                    case MailFromStep.ChangedMeanwhile:
                        await store.SetAsync([row], BulkRowState.Failed, $"Skipped: the MAIL FROM setting changed since the review (now {AuditText.MailFrom(settingNow)}).");
                        break;
                    default:
                        if (await CancelledAsync(job, [row], cancellationToken)) break;
                        await SetOneAsync(job, gate, behavior, row, settingNow, cancellationToken);
                        break;
                }
            }
        }
    }

    private async Task SetOneAsync(BulkJobRecord job, ChangeGate gate, BehaviorOnMxFailure behavior, BulkJobRowRecord row, IdentityMailFromDomainAttributes? before,
        CancellationToken cancellationToken, bool afterNoAnswer = false)
    {
        var expected = new IdentityMailFromDomainAttributes(row.MailFromDomain, CustomMailFromStatus.Pending, behavior);
        var attempt = new AuditChange(AuditActions.SetMailFromDomain, job.Region, row.Identity)
        {
            Before = AuditText.MailFrom(before),
            After = AuditText.MailFrom(row.MailFromDomain, behavior),
            Detail = $"Bulk job {job.Id}",
        };
        await store.SetAsync([row], BulkRowState.MailFromSending);
        var result = await gate.ChangeAsync(ConsoleRole.Operator, attempt, async _ =>
        {
            await using var oneAtATime = await locks.LockAsync($"mail-from|{job.Region}|{row.Identity}", cancellationToken);
            using (view.ConsoleChanging(job.Region, row.Identity))
            {
                await ses.SetIdentityMailFromDomainAsync(job.Region, row.Identity, row.MailFromDomain, behavior, cancellationToken);
                await pendingSince.StartedAsync(job.Region, row.Identity, row.MailFromDomain!, CancellationToken.None);
                await view.ChangedByConsoleAsync(job.Region, row.Identity, s => s with { MailFrom = expected }, CancellationToken.None);
            }
            return ServiceResult<bool>.Ok(true);
        });
        if (!result.Succeeded && result.ErrorCode == ServiceEdge.OutcomeUnknownCode)
        {
            // No answer came: SES's setting says whether it was applied. Still the one from before means the request never
            // arrived, and it is sent once more (the same setting twice is harmless); anything else is someone else's change.
            var read = await ses.GetIdentityMailFromDomainAttributesAsync(job.Region, [row.Identity], cancellationToken);
            var now = read.TryGetValue(row.Identity, out var a) && a.MailFromDomain is not null ? a : null;
            switch (BulkRowDecisions.Next(now, before?.MailFromDomain, before?.BehaviorOnMxFailure, row.MailFromDomain!, behavior))
            {
                case MailFromStep.AlreadySet:
                    result = ServiceResult<bool>.Ok(true);
                    break;
                case MailFromStep.Send when !afterNoAnswer:
                    await SetOneAsync(job, gate, behavior, row, before, cancellationToken, afterNoAnswer: true);
                    return;
            }
        }
        var done = $"MAIL FROM set to {row.MailFromDomain}" + (afterNoAnswer ? " (sent again: SES had not received the first request)" : "");
        if (result.Succeeded) await store.SetAsync([row], BulkRowState.Done, done + (row.ZoneId is null ? "; publish the records by hand" : ""));
        else await store.SetAsync([row], BulkRowState.Failed, $"SES: {result.Error}");
    }

    /// <summary>On a cancel request, the rows not started yet end as cancelled (never half-done).</summary>
    private async Task<bool> CancelledAsync(BulkJobRecord job, IEnumerable<BulkJobRowRecord> rows, CancellationToken cancellationToken)
    {
        if (!await store.CancelRequestedAsync(job.Id, cancellationToken)) return false;
        await store.SetAsync(rows, BulkRowState.Cancelled, "Cancelled before it started");
        return true;
    }

    /// <summary>The review's setting, read back from its audit wording ("domain (Behavior)" or "(not set)").</summary>
    private static (string? Domain, BehaviorOnMxFailure? Behavior) Reviewed(string? before)
    {
        if (before is null || before == AuditText.NotSet) return (null, null);
        var open = before.LastIndexOf(" (", StringComparison.Ordinal);
        return open < 0 ? (before, null) : (before[..open], Enum.TryParse<BehaviorOnMxFailure>(before[(open + 2)..].TrimEnd(')'), out var b) ? b : null);
    }
}
