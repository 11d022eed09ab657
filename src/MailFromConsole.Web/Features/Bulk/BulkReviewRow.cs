using MailFromConsole.Core.Records;
using MailFromConsole.Core.Route53;
using MailFromConsole.Core.Ses;

namespace MailFromConsole.Web.Features.Bulk;

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
