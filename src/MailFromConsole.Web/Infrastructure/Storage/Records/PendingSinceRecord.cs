namespace MailFromConsole.Web.Infrastructure.Storage.Records;

/// <summary>Since when the console has seen an identity's MAIL FROM domain Pending (SES does not say).</summary>
public sealed class PendingSinceRecord
{
    public required string Region { get; set; }

    public required string Identity { get; set; }

    public required string MailFromDomain { get; set; }

    /// <summary>Unix time in milliseconds.</summary>
    public long SinceMs { get; set; }
}
