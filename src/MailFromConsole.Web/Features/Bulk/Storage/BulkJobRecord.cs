namespace MailFromConsole.Web.Features.Bulk.Storage;

/// <summary>A bulk MAIL FROM job as stored: what was asked, by whom, and how far it is (times in Unix milliseconds).</summary>
public sealed class BulkJobRecord
{
    public long Id { get; set; }

    public required string Region { get; set; }

    /// <summary>The name pattern, e.g. <c>mail.{domain}</c>.</summary>
    public required string Pattern { get; set; }

    /// <summary>A <see cref="Core.Ses.BehaviorOnMxFailure"/> name.</summary>
    public required string Behavior { get; set; }

    public required string StartedBy { get; set; }

    /// <summary>The starter's role when the job started (what its changes run with for users the console does not store).</summary>
    public required string StartedByRole { get; set; }

    public long CreatedMs { get; set; }

    public long? FinishedMs { get; set; }

    /// <summary>A <see cref="BulkJobState"/> name.</summary>
    public required string State { get; set; }

    public string? CancelledBy { get; set; }
}
