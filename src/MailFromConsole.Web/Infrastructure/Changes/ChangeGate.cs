using System.Data.Common;
using MailFromConsole.Web.Features.Audit;
using MailFromConsole.Web.Infrastructure.Auth;
using MailFromConsole.Web.Infrastructure.Errors;
using MailFromConsole.Web.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;

namespace MailFromConsole.Web.Infrastructure.Changes;

/// <inheritdoc cref="IChangeGate"/>
internal sealed class ChangeGate(IRoleGuard guard, IAuditTrail trail, ILogger<ChangeGate> logger) : IChangeGate
{
    public const string NotAuthorizedCode = "NotAuthorized";
    public const string AuditUnavailableCode = "AuditUnavailable";

    public async Task<ServiceResult<T>> ChangeAsync<T>(ConsoleRole minimum, AuditChange change, Func<ChangeInProgress, Task<ServiceResult<T>>> action)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            await guard.RequireNowAsync(minimum);
        }
        catch (NotAuthorizedException refused)
        {
            logger.LogWarning("{Action} of {Identity} in {Region} refused: {Reason}", change.Action, change.Identity, change.Region, refused.Message);
            await RecordRefusalAsync(change with { Result = NotAuthorizedCode, Detail = refused.Message });
            return ServiceResult<T>.Fail(refused.Message, NotAuthorizedCode);
        }

        long id;
        try
        {
            // Not the caller's token: once the entry is written the change is attempted, and its outcome must follow.
            id = await trail.StartAsync(change, CancellationToken.None);
        }
        catch (Exception ex) when (IsStorageFailure(ex))
        {
            logger.LogError(ex, "Audit log write failed: {Action} of {Identity} in {Region} was not made", change.Action, change.Identity, change.Region);
            return ServiceResult<T>.Fail(
                "Nothing was changed: the audit log could not be written, and the console makes no change it cannot record. Try again in a moment; if this goes on, tell an administrator.",
                AuditUnavailableCode);
        }

        var running = new ChangeInProgress(change);
        ServiceResult<ServiceResult<T>> outer;
        try
        {
            outer = await ServiceEdge.ChangeAsync(logger, change.Action, () => action(running));
        }
        catch (OperationCanceledException)
        {
            // The page went away mid-change: whether AWS applied it is not known, and the entry says so.
            await CompleteAsync(id, running.Entry with { Result = AuditResults.OutcomeUnknown, Detail = "The page was closed before AWS answered: the change may or may not have been applied." });
            throw;
        }
        var result = outer.Succeeded ? outer.Value! : ServiceResult<T>.Fail(outer.Error!, outer.ErrorCode);
        await CompleteAsync(id, result.Succeeded ? running.Entry : running.Entry with { Result = result.ErrorCode ?? "Error", Detail = result.Error });
        return result;
    }

    private async Task RecordRefusalAsync(AuditChange refusal)
    {
        try
        {
            await trail.RecordAsync(refusal, CancellationToken.None);
        }
        catch (Exception ex) when (IsStorageFailure(ex))
        {
            // Nothing was changed either way; the refusal goes to the server log.
            logger.LogError(ex, "Audit log write failed for the refused {Action} of {Identity} in {Region}", refusal.Action, refusal.Identity, refusal.Region);
        }
    }

    private async Task CompleteAsync(long id, AuditChange outcome)
    {
        try
        {
            await trail.CompleteAsync(id, outcome, CancellationToken.None);
        }
        catch (Exception ex) when (IsStorageFailure(ex))
        {
            // AWS has answered: failing now would report a change as failed that was made. The intent entry stays open
            // (marked unknown at the next start); the outcome goes to the server log in full.
            logger.LogError(ex, "Audit log completion failed for entry {Id}, {Action} of {Identity} in {Region}: {Before} -> {After}, change {ChangeId}, result {Result}",
                id, outcome.Action, outcome.Identity, outcome.Region, outcome.Before, outcome.After, outcome.ChangeId, outcome.Result);
        }
    }

    private static bool IsStorageFailure(Exception ex) => ex is DbException or DbUpdateException or ConsoleStorageException or TimeoutException;
}
