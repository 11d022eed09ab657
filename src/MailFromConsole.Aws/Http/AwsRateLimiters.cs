using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace MailFromConsole.Aws.Http;

/// <summary>
/// One limiter per SES region and operation, one per STS region and one for Route 53 (all its accounts: the safe side), shared by every client
/// instance in the process (a singleton), so open pages and pollers share AWS's limits instead of multiplying them.
/// </summary>
internal sealed class AwsRateLimiters(IOptions<AwsClientOptions> options, TimeProvider timeProvider) : IDisposable
{
    private readonly ConcurrentDictionary<string, DispatchAwareRateLimiter> _limiters = new(StringComparer.Ordinal);

    private const int StsBurst = 10;

    public DispatchAwareRateLimiter For(AwsOperation operation) =>
        _limiters.GetOrAdd(KeyOf(operation), _ => Create(operation));

    /// <summary>The same limit as <see cref="For"/>, for <see cref="ISharedAwsPacing"/>: its key, spacing and burst.</summary>
    public (string Key, TimeSpan Interval, int Burst) SharedLimitOf(AwsOperation operation)
    {
        var limits = options.Value.RateLimits;
        if (operation.Service == Route53.Route53Wire.SigningName)
            return (KeyOf(operation), TimeSpan.FromSeconds(1 / limits.Route53RequestsPerSecond), limits.Route53Burst);
        if (operation.Service == Sts.StsWire.SigningName)
            return (KeyOf(operation), TimeSpan.FromSeconds(1 / limits.StsRequestsPerSecond), StsBurst);
        return (KeyOf(operation), SesInterval(operation), 1);
    }

    private static string KeyOf(AwsOperation operation) => operation.Service switch
    {
        // Route 53's limit is per account; its PriorRequestNotComplete (per zone) is left to the retry policy.
        Route53.Route53Wire.SigningName => Route53.Route53Wire.SigningName,
        Sts.StsWire.SigningName => $"{operation.Service}|{operation.Region}",
        _ => $"{operation.Service}|{operation.Region}|{operation.Operation}",
    };

    private DispatchAwareRateLimiter Create(AwsOperation operation)
    {
        var limits = options.Value.RateLimits;
        if (operation.Service == Route53.Route53Wire.SigningName)
            return new BurstRateLimiter(TimeSpan.FromSeconds(1 / limits.Route53RequestsPerSecond), limits.Route53Burst, timeProvider);
        if (operation.Service == Sts.StsWire.SigningName)
            return new BurstRateLimiter(TimeSpan.FromSeconds(1 / limits.StsRequestsPerSecond), StsBurst, timeProvider);
        return new StrictIntervalRateLimiter(SesInterval(operation), timeProvider);
    }

    private TimeSpan SesInterval(AwsOperation operation) =>
        Ses.SesWire.MailFromOperations.Contains(operation.Operation) ? options.Value.RateLimits.SesMailFromInterval : options.Value.RateLimits.SesOtherInterval;

    public void Dispose()
    {
        foreach (var limiter in _limiters.Values)
            limiter.Dispose();
    }
}
