namespace MailFromConsole.Web.Features.Bulk;

public sealed record BulkReview(BulkRequest Request, IReadOnlyList<BulkReviewRow> Rows)
{
    public int Ready => Rows.Count(r => !r.Skipped);
}
