namespace MailFromConsole.Web.Infrastructure.Storage.Records;

/// <summary>One row of the audit log; rows are only ever added (an intent row is completed once with its outcome).</summary>
public sealed class AuditRecord
{
    public long Id { get; set; }

    /// <summary>Unix time in milliseconds: SQLite cannot order DateTimeOffset, both providers order integers.</summary>
    public long AtMs { get; set; }

    public required string User { get; set; }

    public required string Region { get; set; }

    public required string Identity { get; set; }

    public required string Action { get; set; }

    public string? Before { get; set; }

    public string? After { get; set; }

    public string? ChangeId { get; set; }

    public required string Result { get; set; }

    public string? Detail { get; set; }
}
