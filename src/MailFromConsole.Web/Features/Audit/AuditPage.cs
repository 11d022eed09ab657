namespace MailFromConsole.Web.Features.Audit;

/// <summary>A page of entries, newest first, and how many match in all.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, int Total);
