namespace MailFromConsole.Web.Features.Bulk;

/// <summary>Where a bulk job is: running (also after a restart, until every row is settled), or ended.</summary>
public enum BulkJobState
{
    Running,
    Cancelling,
    Cancelled,
    Finished,
}
