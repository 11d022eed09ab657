namespace MailFromConsole.LocalAws.Wire;

/// <summary>
/// Token buckets keyed by whatever the service limits on (SES: region + action; Route 53: the account), on a
/// <see cref="TimeProvider"/> so tests can move time instead of sleeping.
/// </summary>
internal sealed class RateLimiter(TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (double Tokens, long At)> _buckets = new(StringComparer.Ordinal);

    /// <summary>Takes one permit; false when the caller is over the rate (the request gets Throttling).</summary>
    public bool TryTake(string key, double perSecond, int burst)
    {
        var now = time.GetTimestamp();
        lock (_gate)
        {
            var tokens = (double)burst;
            if (_buckets.TryGetValue(key, out var bucket))
            {
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
