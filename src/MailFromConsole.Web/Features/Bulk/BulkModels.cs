using MailFromConsole.Core.Bulk;
using MailFromConsole.Core.Records;
using MailFromConsole.Core.Route53;
using MailFromConsole.Core.Ses;

namespace MailFromConsole.Web.Features.Bulk;

/// <summary>What a user asks for: the same pattern and behaviour for the chosen identities of one region.</summary>
public sealed record BulkRequest(string Region, IReadOnlyList<string> Identities, string Pattern, BehaviorOnMxFailure Behavior);

/// <summary>One identity in the review table: the name, the checks and what will be written, or why it is skipped.</summary>
/// <param name="Zone">The hosted zone the records go to; null: published by hand (or skipped).</param>
/// <param name="Changes">The Route 53 changes as reviewed (the job plans again from the records as they are when it runs).</param>
public sealed record BulkReviewRow(
    string Identity,
    string? MailFromDomain,
    string RuleCheck,
    string DnsCheck,
    HostedZone? Zone,
    IReadOnlyList<PreviewLine> Lines,
    IReadOnlyList<RecordSetChange> Changes,
    IdentityMailFromDomainAttributes? Current,
    string? SkipReason)
{
    public bool Skipped => SkipReason is not null;

    /// <summary>What the job writes, in the audit log's words.</summary>
    public string Plan(BehaviorOnMxFailure behavior) => Skipped
        ? "Nothing"
        : $"SES: {MailFromDomain} ({behavior})" + (Zone is null
            ? "; DNS: publish the MX and SPF records by hand"
            : $"; Route 53 {Zone.Name.TrimEnd('.')}: {Changes.Count switch { 0 => "records already in place", _ => Infrastructure.Changes.AuditText.Records(Lines, after: true) }}");
}

public sealed record BulkReview(BulkRequest Request, IReadOnlyList<BulkReviewRow> Rows)
{
    public int Ready => Rows.Count(r => !r.Skipped);
}

/// <summary>A job as the Jobs page shows it.</summary>
public sealed record BulkJobSummary(long Id, string Region, string Pattern, BehaviorOnMxFailure Behavior, string StartedBy, DateTimeOffset Created,
    DateTimeOffset? Finished, BulkJobState State, int Total, int Settled, int Done, int Failed, int Skipped, TimeSpan? Eta)
{
    public bool IsActive => State is BulkJobState.Running or BulkJobState.Cancelling;

    public double Percent => Total == 0 ? 100 : 100.0 * Settled / Total;
}

public sealed record BulkJobRow(int Position, string Identity, string? MailFromDomain, string? Zone, string? Plan, BulkRowState State, string? Result, string? ChangeId);

public sealed record BulkJobDetails(BulkJobSummary Job, IReadOnlyList<BulkJobRow> Rows);
