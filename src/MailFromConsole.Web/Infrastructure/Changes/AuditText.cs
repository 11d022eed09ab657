using MailFromConsole.Core.Records;

namespace MailFromConsole.Web.Infrastructure.Changes;

/// <summary>How the audit log writes MAIL FROM settings and record sets (one wording, so entries can be compared and filtered).</summary>
public static class AuditText
{
    public const string NotSet = "(not set)";
    public const string None = "(none)";

    public static string MailFrom(string? domain, Core.Ses.BehaviorOnMxFailure behavior) => domain is null ? NotSet : $"{domain} ({behavior})";

    public static string MailFrom(Core.Ses.IdentityMailFromDomainAttributes? attributes) =>
        attributes?.MailFromDomain is { } domain ? $"{domain} ({attributes.BehaviorOnMxFailure})" : NotSet;

    /// <summary>The record sets a publish changes, as they were (<paramref name="after"/> false) or will be.</summary>
    public static string? Records(IReadOnlyList<PreviewLine> lines, bool after)
    {
        var changed = lines.Where(l => l.Kind != PreviewLineKind.Unchanged).ToList();
        if (changed.Count == 0) return null;
        return string.Join("; ", changed.Select(l =>
        {
            var values = after ? l.After : l.Before;
            return $"{l.Type} {l.Name} = {(values.Count == 0 ? None : string.Join(" | ", values))}";
        }));
    }
}
