namespace MailFromConsole.Aws.Http;

/// <summary>
/// The innermost handler: tells the limiter when the request really leaves (after signing), so strict spacing is
/// measured between departures rather than between permits.
/// </summary>
internal sealed class DispatchMarkingHandler : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Options.TryGetValue(RateLimitingHandler.LimiterKey, out var limiter))
            limiter.MarkDispatched();
        return base.SendAsync(request, cancellationToken);
    }
}
