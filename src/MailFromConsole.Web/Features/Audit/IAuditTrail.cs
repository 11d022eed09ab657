namespace MailFromConsole.Web.Features.Audit;

/// <summary>Records changes made by the current user, stamped with the server's clock.</summary>
public interface IAuditTrail
{
    Task RecordAsync(AuditChange change, CancellationToken cancellationToken = default);

    /// <summary>Writes the intent entry of a change before it is made; returns its id for <see cref="CompleteAsync"/>.</summary>
    Task<long> StartAsync(AuditChange change, CancellationToken cancellationToken = default);

    /// <summary>Writes the outcome of the change <see cref="StartAsync"/> announced (who and when stay those of the intent).</summary>
    Task CompleteAsync(long id, AuditChange outcome, CancellationToken cancellationToken = default);
}
