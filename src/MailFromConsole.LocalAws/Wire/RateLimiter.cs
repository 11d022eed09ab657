namespace MailFromConsole.LocalAws.Wire;

/// <summary>
/// Token buckets keyed by whatever the service limits on (SES: region + action; Route 53: the account), on a
/// <see cref="TimeProvider"/> so tests can move time instead of sleeping.
/// </summary>
internal sealed class RateLimiter(TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (double Tokens, long At)> _buckets = new(StringComparer.Ordinal);

    public long Now() => time.GetTimestamp();

    /// <summary>Takes one permit; false when the caller is over the rate (the request gets Throttling).</summary>
    /// <param name="arrivedAt">When the request arrived (<see cref="Now"/>): AWS counts arrivals, so the time spent
    /// verifying the signature or warming up before this call must not shrink the gap to the previous request.</param>
    public bool TryTake(string key, double perSecond, int burst, long arrivedAt)
    {
        lock (_gate)
        {
            var now = arrivedAt;
            var tokens = (double)burst;
            if (_buckets.TryGetValue(key, out var bucket))
            {
                // Requests can reach this point out of arrival order: time never runs backwards for a bucket.
                now = Math.Max(arrivedAt, bucket.At);
                var elapsed = time.GetElapsedTime(bucket.At, now).TotalSeconds;
                tokens = Math.Min(burst, bucket.Tokens + (elapsed * perSecond));
            }

            if (tokens < 1)
            {
                _buckets[key] = (tokens, now);
                return false;
            }

            _buckets[key] = (tokens - 1, now);
            return true;
        }
    }
}
