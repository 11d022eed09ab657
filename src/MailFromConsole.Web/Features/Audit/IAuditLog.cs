namespace MailFromConsole.Web.Features.Audit;

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
