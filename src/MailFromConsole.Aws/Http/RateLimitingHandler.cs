namespace MailFromConsole.Aws.Http;

/// <summary>
/// Waits for the operation's permit before each attempt. It sits inside the retry handler (retries are requests
/// too) and outside the per-attempt timeout, so time spent queueing for a permit never counts as a timeout.
/// </summary>
internal sealed class RateLimitingHandler(AwsRateLimiters limiters) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var lease = await limiters.For(AwsOperation.From(request)).AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
