using MailFromConsole.Web.Infrastructure.Auth;

namespace MailFromConsole.Web.Features.Audit;

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
