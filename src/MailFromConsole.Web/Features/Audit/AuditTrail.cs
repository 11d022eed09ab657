using MailFromConsole.Web.Infrastructure.Auth;

namespace MailFromConsole.Web.Features.Audit;

/// <summary>What a console service changed; the trail adds who and when.</summary>
public sealed record AuditChange(string Action, string Region, string Identity)
{
    public string? Before { get; init; }

    public string? After { get; init; }

    public string? ChangeId { get; init; }

    /// <summary><see cref="AuditResults.Success"/> or the error code.</summary>
    public string Result { get; init; } = AuditResults.Success;

    public string? Detail { get; init; }
}

/// <summary>Records changes made by the current user, stamped with the server's clock.</summary>
public interface IAuditTrail
{
    Task RecordAsync(AuditChange change, CancellationToken cancellationToken = default);

    /// <summary>Writes the intent entry of a change before it is made; returns its id for <see cref="CompleteAsync"/>.</summary>
    Task<long> StartAsync(AuditChange change, CancellationToken cancellationToken = default);

    /// <summary>Writes the outcome of the change <see cref="StartAsync"/> announced (who and when stay those of the intent).</summary>
    Task CompleteAsync(long id, AuditChange outcome, CancellationToken cancellationToken = default);
}

internal sealed class AuditTrail(IAuditLog log, ICurrentUser user, TimeProvider time) : IAuditTrail
{
    public Task RecordAsync(AuditChange change, CancellationToken cancellationToken = default) => log.RecordAsync(Entry(change), cancellationToken);

    public Task<long> StartAsync(AuditChange change, CancellationToken cancellationToken = default) => log.StartAsync(Entry(change), cancellationToken);

    public Task CompleteAsync(long id, AuditChange outcome, CancellationToken cancellationToken = default) =>
        log.CompleteAsync(Entry(outcome) with { Id = id }, cancellationToken);

    private AuditEntry Entry(AuditChange change) => new()
    {
        At = time.GetUtcNow(),
        User = user.Name ?? "(not signed in)",
        Region = change.Region,
        Identity = change.Identity,
        Action = change.Action,
        Before = change.Before,
        After = change.After,
        ChangeId = change.ChangeId,
        Result = change.Result,
        Detail = change.Detail,
    };
}
