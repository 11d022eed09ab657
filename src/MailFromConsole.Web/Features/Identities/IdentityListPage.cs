namespace MailFromConsole.Web.Features.Identities;

/// <param name="Warning">Why the view may be old (the last read of SES failed), shown above the rows.</param>
public sealed record IdentityListPage(IReadOnlyList<IdentityRow> Rows, int TotalCount, string? Warning = null);
