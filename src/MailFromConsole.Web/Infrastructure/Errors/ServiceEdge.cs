using MailFromConsole.Core;
using MailFromConsole.Web.Infrastructure.Auth;
using MailFromConsole.Web.Infrastructure.Changes;

namespace MailFromConsole.Web.Infrastructure.Errors;

/// <summary>
/// The one place where AWS and network failures become messages. An unhandled exception in Blazor Server ends the
/// user's circuit, so every service call that reaches AWS or DNS goes through here.
/// </summary>
internal static class ServiceEdge
{
    public const string OutcomeUnknownCode = Features.Audit.AuditResults.OutcomeUnknown;

    public static Task<ServiceResult<T>> RunAsync<T>(ILogger logger, string what, Func<Task<T>> call) => RunAsync(logger, what, call, change: false);

    /// <summary>
    /// Like <see cref="RunAsync{T}(ILogger, string, Func{Task{T}})"/> for a call that changes something in AWS: when the
    /// request went out but no answer came back, the user is told the change may or may not have been applied.
    /// </summary>
    public static Task<ServiceResult<T>> ChangeAsync<T>(ILogger logger, string what, Func<Task<T>> call) => RunAsync(logger, what, call, change: true);

    private static async Task<ServiceResult<T>> RunAsync<T>(ILogger logger, string what, Func<Task<T>> call, bool change)
    {
        try
        {
            return ServiceResult<T>.Ok(await call());
        }
        catch (NotAuthorizedException ex)
        {
            // A guard deeper down (the services check before they call): a refusal to show, never a broken circuit.
            logger.LogWarning("{What} refused: {Reason}", what, ex.Message);
            return ServiceResult<T>.Fail(ex.Message, ChangeGate.NotAuthorizedCode);
        }
        catch (AwsServiceException ex) when (change && ex.OutcomeUnknown)
        {
            logger.LogWarning(ex, "{What}: no answer after sending ({Service} {Code})", what, ex.Service, ex.ErrorCode);
            return ServiceResult<T>.Fail(OutcomeUnknownMessage(ex.Service), OutcomeUnknownCode);
        }
        catch (AwsServiceException ex)
        {
            logger.LogWarning("{What} failed: {Service} {Code} {Message} (request {RequestId})", what, ex.Service, ex.ErrorCode, ex.AwsMessage, ex.RequestId);
            return ServiceResult<T>.Fail(AwsErrorText.Describe(ex), ex.ErrorCode);
        }
        catch (ArgumentException ex)
        {
            // The wire clients refuse, before sending anything, values they cannot send unchanged (e.g. a lone surrogate).
            logger.LogWarning("{What} refused before sending: {Message}", what, ex.Message);
            return ServiceResult<T>.Fail($"The value cannot be sent to AWS: {AwsErrorText.Readable(ex.Message)}", "InvalidInput");
        }
        catch (HttpRequestException ex)
        {
            logger.LogWarning(ex, "{What} failed: network error", what);
            return ServiceResult<T>.Fail($"Could not reach the AWS endpoint ({ex.Message}). Check the network or the configured service URL and try again.", "NetworkError");
        }
        catch (Exception ex) when (ex is TimeoutException || ex is TaskCanceledException { InnerException: TimeoutException })
        {
            logger.LogWarning(ex, "{What} timed out", what);
            return change
                ? ServiceResult<T>.Fail(OutcomeUnknownMessage("AWS"), OutcomeUnknownCode)
                : ServiceResult<T>.Fail($"The request to AWS timed out ({AwsErrorText.Readable(ex.Message)}). Try again in a moment.", "Timeout");
        }
    }

    private static string OutcomeUnknownMessage(string service) =>
        $"{(service == "Route53" ? "Route 53" : service)} did not answer after the change was sent. The change may or may not have been applied: reload before trying again.";

    public static async Task<ServiceResult> RunAsync(ILogger logger, string what, Func<Task> call)
    {
        var result = await RunAsync(logger, what, async () => { await call(); return true; });
        return result.Succeeded ? ServiceResult.Ok() : ServiceResult.Fail(result.Error!, result.ErrorCode);
    }
}
