namespace MailFromConsole.Web.Features.Audit;

/// <summary>
/// Filters (all optional, combined with AND) and a page. User, region and action match exactly (ignoring case);
/// identity matches any part. <see cref="From"/> is inclusive, <see cref="To"/> exclusive.
/// </summary>
public sealed record AuditQuery
{
    public const int MaximumPageSize = 500;

    public string? User { get; init; }

    public string? Region { get; init; }

    public string? Identity { get; init; }

    public string? Action { get; init; }

    /// <summary>Only successes (true), only failures (false), or both (null).</summary>
    public bool? Succeeded { get; init; }

    public DateTimeOffset? From { get; init; }

    public DateTimeOffset? To { get; init; }

    public int Skip { get; init; }

    public int Take { get; init; } = 50;
}

/// <summary>A page of entries, newest first, and how many match in all.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, int Total);

public interface IAuditLog
{
    Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Adds the intent entry of a change about to be made (its result <see cref="AuditResults.InProgress"/>); returns its id.</summary>
    Task<long> StartAsync(AuditEntry intent, CancellationToken cancellationToken = default);

    /// <summary>Writes the outcome into the intent entry <paramref name="outcome"/>'s Id names; an entry already completed is left as it is.</summary>
    Task CompleteAsync(AuditEntry outcome, CancellationToken cancellationToken = default);

    /// <summary>Intent entries still in progress that were started before <paramref name="startedBefore"/>, oldest first.</summary>
    Task<IReadOnlyList<AuditEntry>> OpenAsync(DateTimeOffset startedBefore, CancellationToken cancellationToken = default);

    Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default);

    /// <summary>Every entry that matches the filters (paging ignored), newest first, read as it is written out.</summary>
    IAsyncEnumerable<AuditEntry> ExportAsync(AuditQuery filter, CancellationToken cancellationToken = default);
}
