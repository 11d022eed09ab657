using MailFromConsole.Core.Route53;

namespace MailFromConsole.Core.Records;

/// <summary>
/// What to add, merge or delete at one name. <see cref="Changes"/> are DELETEs of the record sets as they were read and
/// CREATEs, so a concurrent edit makes Route 53 refuse the batch instead of overwriting it.
/// </summary>
/// <param name="Refusal">Why nothing may be published here (a name that receives mail, a CNAME, two SPF records).</param>
public sealed record RecordSetPlan(IReadOnlyList<PreviewLine> Lines, IReadOnlyList<RecordSetChange> Changes, string? Refusal, IReadOnlyList<string> Notes)
{
    /// <summary>What the user must confirm before the change is sent (it replaces a record that decides how receivers treat mail), or null.</summary>
    public string? Confirmation { get; init; }

    public static RecordSetPlan Refused(string refusal) => new([], [], refusal, []);
}
