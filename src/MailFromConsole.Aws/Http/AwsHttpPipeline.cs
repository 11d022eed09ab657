using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace MailFromConsole.Aws.Http;

/// <summary>
/// The one handler chain both typed clients use, outermost first:
/// retry (backoff + jitter) → rate-limit permit → per-attempt timeout → SigV4 signing → turn among instances and
/// departure mark → network.
/// Signing below the retry signs each attempt afresh; the permit wait is outside every timeout.
/// </summary>
internal static class AwsHttpPipeline
{
    public static IHttpClientBuilder AddAwsPipeline(this IHttpClientBuilder builder)
    {
        // The handlers own timing: HttpClient's own 100 s total timeout would also count time queued for permits.
        builder.ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan);

        // Pollers and caches are singletons that keep their client: connections are recycled by the pooled handler
        // itself (DNS changes are seen) instead of by the factory rotating handlers under a captured client.
        builder.ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) });
        builder.SetHandlerLifetime(Timeout.InfiniteTimeSpan);

        builder.AddResilienceHandler("aws-retry", (pipeline, context) =>
        {
            var retry = context.ServiceProvider.GetRequiredService<IOptions<AwsClientOptions>>().Value.Retry;
            if (retry.MaxRetryAttempts <= 0)
                return;
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = retry.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = retry.BaseDelay,
                MaxDelay = retry.MaxDelay,
                ShouldHandle = AwsRetryPredicate.ShouldRetryAsync,
            });
        });
        builder.AddHttpMessageHandler<RateLimitingHandler>();
        builder.AddResilienceHandler("aws-attempt-timeout", (pipeline, context) =>
        {
            var retry = context.ServiceProvider.GetRequiredService<IOptions<AwsClientOptions>>().Value.Retry;
            pipeline.AddTimeout(retry.AttemptTimeout);
        });
        builder.AddHttpMessageHandler<SigV4SigningHandler>();
        builder.AddHttpMessageHandler<DispatchMarkingHandler>();
        return builder;
    }
}
