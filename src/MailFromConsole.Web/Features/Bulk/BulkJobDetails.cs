namespace MailFromConsole.Web.Features.Bulk;

public sealed record BulkJobDetails(BulkJobSummary Job, IReadOnlyList<BulkJobRow> Rows);
