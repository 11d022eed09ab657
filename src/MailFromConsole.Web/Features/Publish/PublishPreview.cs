using MailFromConsole.Core.Records;
using MailFromConsole.Core.Route53;

namespace MailFromConsole.Web.Features.Publish;

/// <summary>
/// The change the user is shown before publishing. <see cref="Changes"/> are exactly what <see cref="IPublishService.ApplyAsync"/>
/// sends: DELETEs of the record sets as they were read, and CREATEs, so a concurrent edit makes Route 53 refuse the batch.
/// </summary>
/// <param name="Zone">The account's public hosted zone for the name; null means the manual path.</param>
/// <param name="Refusal">Why the console will not publish here (a name that receives mail, a CNAME, two SPF records).</param>
public sealed record PublishPreview(
    PublishTarget Target,
    HostedZone? Zone,
    IReadOnlyList<PreviewLine> Lines,
    IReadOnlyList<RecordSetChange> Changes,
    string? Refusal,
    IReadOnlyList<string> Notes)
{
    /// <summary>The Route 53 account the zone was looked for in (another account's through a role, or the console's own).</summary>
    public Route53Account? Account { get; init; }

    /// <summary>What the user must confirm first (an existing DMARC record replaced), or null.</summary>
    public string? Confirmation { get; init; }

    /// <summary>The user confirmed <see cref="Confirmation"/> for exactly this preview.</summary>
    public bool Confirmed { get; init; }

    public bool HasZone => Zone is not null;
    public bool NothingToDo => Refusal is null && Zone is not null && Changes.Count == 0;
    public bool CanApply => Refusal is null && Zone is not null && Changes.Count > 0 && (Confirmation is null || Confirmed);
}
