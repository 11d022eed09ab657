namespace MailFromConsole.Aws.Http;

/// <summary>
/// The innermost handler: waits for the request's turn among the console's instances (<see cref="ISharedAwsPacing"/>),
/// then tells the limiter that the request really leaves, so strict spacing is measured between departures rather
/// than between permits. The turn is taken here, after signing, because a request's first signing and credential
/// look-up can take long: a turn taken before them would leave the other instances' next turn too close behind.
/// This wait counts toward the attempt's timeout; it is short (at most one turn per other instance, as this process's
/// own limiter lets one request per limit through at a time).
/// </summary>
internal sealed class DispatchMarkingHandler(AwsRateLimiters limiters, ISharedAwsPacing shared) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var (key, interval, burst) = limiters.SharedLimitOf(AwsOperation.From(request));
        try
        {
            await shared.WaitForTurnAsync(key, interval, burst, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not HttpRequestException)
        {
            // The request has not left: a transport error, which the retry policy retries and the caller reads as "not sent".
            throw new HttpRequestException(HttpRequestError.ConnectionError, $"The AWS rate limit shared with the other console instances could not be read: {ex.Message}", ex);
        }
        if (request.Options.TryGetValue(RateLimitingHandler.LimiterKey, out var limiter))
            limiter.MarkDispatched();
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
