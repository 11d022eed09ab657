namespace MailFromConsole.Aws.Http;

/// <summary>
/// Waits for the operation's permit before each attempt. It sits inside the retry handler (retries are requests
/// too) and outside the per-attempt timeout, so time spent queueing for a permit never counts as a timeout.
/// </summary>
internal sealed class RateLimitingHandler(AwsRateLimiters limiters) : DelegatingHandler
{
    /// <summary>The limiter whose permit the request holds, for <see cref="DispatchMarkingHandler"/>.</summary>
    public static readonly HttpRequestOptionsKey<DispatchAwareRateLimiter> LimiterKey = new("MailFromConsole.AwsRateLimiter");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var limiter = limiters.For(AwsOperation.From(request));
        using var lease = await limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        request.Options.Set(LimiterKey, limiter);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
