using System.Collections.Frozen;
using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Retry;

namespace MailFromConsole.Aws.Http;

/// <summary>
/// What the retry policy retries: network errors, timeouts, 5xx and 429 (the standard transient set) plus AWS's
/// throttling codes, which come as HTTP 400 and so need the error code read from the body.
/// </summary>
internal static class AwsRetryPredicate
{
    public static readonly FrozenSet<string> RetryableCodes = new[]
    {
        "Throttling", "ThrottlingException", "RequestThrottled", "TooManyRequestsException", "PriorRequestNotComplete",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static async ValueTask<bool> ShouldRetryAsync(RetryPredicateArguments<HttpResponseMessage> args)
    {
        if (HttpClientResiliencePredicates.IsTransient(args.Outcome))
            return true;
        if (args.Outcome.Result is { StatusCode: HttpStatusCode.BadRequest } response)
        {
            var code = await AwsErrorReader.ReadCodeAsync(response, args.Context.CancellationToken).ConfigureAwait(false);
            return code is not null && RetryableCodes.Contains(code);
        }
        return false;
    }
}
