namespace MailFromConsole.Core.Bulk;

/// <summary>
/// Where one identity of a bulk job is. The two <c>…Sending</c> states are written before the AWS call and left after
/// it: a row found in one of them after a crash has an unknown outcome, which the job resolves by reading AWS.
/// </summary>
public enum BulkRowState
{
    /// <summary>The review refused it (reason in the result); never changed.</summary>
    Skipped,
    Queued,
    RecordsSending,
    RecordsDone,
    MailFromSending,
    Done,
    Failed,
    Cancelled,
}
