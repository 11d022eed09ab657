namespace MailFromConsole.Web.Features.Bulk.Storage;

/// <summary>
/// One identity of a job: what the review decided and how far it got. The state is written before and after each
/// AWS call, so a restart knows which rows are done, which are not started and which need SES read to know.
/// </summary>
public sealed class BulkJobRowRecord
{
    public long Id { get; set; }

    public long JobId { get; set; }

    /// <summary>The row's place in the review table (the order the job runs in).</summary>
    public int Position { get; set; }

    public required string Identity { get; set; }

    public string? MailFromDomain { get; set; }

    /// <summary>The SES setting the review saw (audit wording); a different one at run time skips the row.</summary>
    public string? Before { get; set; }

    /// <summary>The public hosted zone the records go to; null: published by hand.</summary>
    public string? ZoneId { get; set; }

    public string? ZoneName { get; set; }

    /// <summary>What the review said will be written.</summary>
    public string? Plan { get; set; }

    /// <summary>A <see cref="Core.Bulk.BulkRowState"/> name.</summary>
    public required string State { get; set; }

    /// <summary>Why a row was skipped or failed, or what was done.</summary>
    public string? Result { get; set; }

    public string? ChangeId { get; set; }

    public long UpdatedMs { get; set; }
}
