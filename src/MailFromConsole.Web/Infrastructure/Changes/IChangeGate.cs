using MailFromConsole.Web.Features.Audit;
using MailFromConsole.Web.Infrastructure.Auth;
using MailFromConsole.Web.Infrastructure.Errors;

namespace MailFromConsole.Web.Infrastructure.Changes;

/// <summary>
/// The one way a console service changes anything in AWS. Pages hide buttons too; this is the check that counts,
/// because a circuit can call a service whatever the page showed.
/// </summary>
public interface IChangeGate
{
    /// <summary>
    /// Checks <paramref name="minimum"/> against the user's record as stored now (a refusal is audited and AWS is never
    /// asked), writes <paramref name="change"/> as an intent entry (when that fails, nothing is changed and the result
    /// says why), runs <paramref name="action"/> through the error edge, and completes the entry with the outcome:
    /// the action's entry on success, else its error code, or <see cref="AuditResults.OutcomeUnknown"/> when the
    /// request went out and no answer came.
    /// </summary>
    Task<ServiceResult<T>> ChangeAsync<T>(ConsoleRole minimum, AuditChange change, Func<ChangeInProgress, Task<ServiceResult<T>>> action);
}
