using MailFromConsole.Core.Ses;

namespace MailFromConsole.Web.Features.Bulk;

/// <summary>A job as the Jobs page shows it.</summary>
public sealed record BulkJobSummary(long Id, string Region, string Pattern, BehaviorOnMxFailure Behavior, string StartedBy, DateTimeOffset Created,
    DateTimeOffset? Finished, BulkJobState State, int Total, int Settled, int Done, int Failed, int Skipped, TimeSpan? Eta)
{
    public bool IsActive => State is BulkJobState.Running or BulkJobState.Cancelling;

    public double Percent => Total == 0 ? 100 : 100.0 * Settled / Total;
}
