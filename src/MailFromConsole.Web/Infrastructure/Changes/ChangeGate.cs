using MailFromConsole.Core.Records;
using MailFromConsole.Web.Features.Audit;
using MailFromConsole.Web.Features.Publish;
using MailFromConsole.Web.Infrastructure.Auth;
using MailFromConsole.Web.Infrastructure.Errors;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace MailFromConsole.Web.Infrastructure.Changes;

/// <summary>
/// The server-side gate of every change a console service makes: the role check, before any AWS call, and the audit
/// entry, written whatever the outcome (success, AWS error code, or refusal). Pages hide buttons too; this is the
/// check that counts, because a circuit can call a service whatever the page showed.
/// </summary>
internal sealed class ChangeGate(IRoleGuard guard, IAuditTrail trail, ILogger logger)
{
    public const string NotAuthorizedCode = "NotAuthorized";

    /// <summary>Null when the current user may make the change; otherwise why not (already in the audit log).</summary>
    public async Task<string?> RefuseAsync(ConsoleRole minimum, AuditChange attempt)
    {
        try
        {
            guard.Require(minimum);
            return null;
        }
        catch (NotAuthorizedException refused)
        {
            logger.LogWarning("{Action} of {Identity} in {Region} refused: {Reason}", attempt.Action, attempt.Identity, attempt.Region, refused.Message);
            await RecordAsync(attempt with { Result = NotAuthorizedCode, Detail = refused.Message });
            return refused.Message;
        }
    }

    /// <summary>Records the outcome of a change; <paramref name="change"/>'s Result and Detail come from <paramref name="outcome"/> when it failed.</summary>
    public Task RecordAsync<T>(AuditChange change, ServiceResult<T> outcome) =>
        RecordAsync(outcome.Succeeded ? change : change with { Result = outcome.ErrorCode ?? "Error", Detail = outcome.Error });

    public async Task RecordAsync(AuditChange change)
    {
        try
        {
            // Not the caller's token: the change has happened in AWS, so it is recorded even when the page went away.
            await trail.RecordAsync(change, CancellationToken.None);
        }
        catch (SqliteException ex)
        {
            // Failing the call here would tell the user a change failed that AWS has applied (and invite a repeat);
            // the entry goes to the server log instead, in full, as an error for the operators to see.
            logger.LogError(ex, "Audit log write failed for {Action} of {Identity} in {Region}: {Before} -> {After}, change {ChangeId}, result {Result}",
                change.Action, change.Identity, change.Region, change.Before, change.After, change.ChangeId, change.Result);
        }
    }
}

/// <summary>How the audit log writes MAIL FROM settings and record sets (one wording, so entries can be compared and filtered).</summary>
public static class AuditText
{
    public const string NotSet = "(not set)";
    public const string None = "(none)";

    public static string MailFrom(string? domain, Core.Ses.BehaviorOnMxFailure behavior) => domain is null ? NotSet : $"{domain} ({behavior})";

    public static string MailFrom(Core.Ses.IdentityMailFromDomainAttributes? attributes) =>
        attributes?.MailFromDomain is { } domain ? $"{domain} ({attributes.BehaviorOnMxFailure})" : NotSet;

    /// <summary>The record sets a publish changes, as they were (<paramref name="after"/> false) or will be.</summary>
    public static string? Records(IReadOnlyList<PreviewLine> lines, bool after)
    {
        var changed = lines.Where(l => l.Kind != PreviewLineKind.Unchanged).ToList();
        if (changed.Count == 0) return null;
        return string.Join("; ", changed.Select(l =>
        {
            var values = after ? l.After : l.Before;
            return $"{l.Type} {l.Name} = {(values.Count == 0 ? None : string.Join(" | ", values))}";
        }));
    }
}
