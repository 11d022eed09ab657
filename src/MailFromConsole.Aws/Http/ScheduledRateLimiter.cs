using System.Threading.RateLimiting;

namespace MailFromConsole.Aws.Http;

/// <summary>
/// A rate limiter that hands out start times (generic cell rate algorithm): at most <c>burst</c> requests at once,
/// then one every <c>interval</c>. Waiters are served in order and the clock is a <see cref="TimeProvider"/>,
/// so tests can drive it with a fake clock. A waiter that is cancelled gives up its slot (the limiter stays safe,
/// never faster than the rate).
/// With a burst of 1 the spacing is strict: it counts from when the previous request actually left
/// (<see cref="MarkDispatched"/>), so a request delayed after its permit (timer lateness, a cold first call)
/// does not let the next one arrive less than one interval after it.
/// </summary>
internal sealed class ScheduledRateLimiter : RateLimiter
{
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _interval;
    private readonly TimeSpan _burstTolerance;
    private readonly Lock _lock = new();
    private readonly bool _strictSpacing;
    private DateTimeOffset _theoreticalArrival = DateTimeOffset.MinValue;
    private DateTimeOffset _lastDispatch = DateTimeOffset.MinValue;
    private long _granted;

    public ScheduledRateLimiter(TimeSpan interval, int burst, TimeProvider timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(burst, 1);
        _interval = interval;
        _burstTolerance = interval * (burst - 1);
        _strictSpacing = burst == 1;
        _timeProvider = timeProvider;
    }

    public TimeSpan Interval => _interval;

    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_lock)
            {
                var idle = _timeProvider.GetUtcNow() - _theoreticalArrival;
                return idle > TimeSpan.Zero ? idle : null;
            }
        }
    }

    public override RateLimiterStatistics? GetStatistics() =>
        new() { CurrentAvailablePermits = 0, CurrentQueuedCount = 0, TotalSuccessfulLeases = Interlocked.Read(ref _granted) };

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        ValidatePermitCount(permitCount);
        lock (_lock)
        {
            var now = _timeProvider.GetUtcNow();
            var start = StartFor(now);
            if (_strictSpacing && _lastDispatch != DateTimeOffset.MinValue && _lastDispatch + _interval > start)
                start = _lastDispatch + _interval;
            if (start > now)
                return Lease.Rejected(start - now);
            Reserve(now);
        }
        Interlocked.Increment(ref _granted);
        return Lease.Granted;
    }

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        ValidatePermitCount(permitCount);
        TimeSpan wait;
        lock (_lock)
        {
            var now = _timeProvider.GetUtcNow();
            wait = StartFor(now) - now;
            Reserve(now);
        }
        while (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, _timeProvider, cancellationToken).ConfigureAwait(false);
            wait = StrictWait();
        }
        Interlocked.Increment(ref _granted);
        return Lease.Granted;
    }

    /// <summary>Records that a request holding a permit of this limiter has just been handed to the network.</summary>
    public void MarkDispatched()
    {
        if (!_strictSpacing)
            return;
        lock (_lock)
        {
            var now = _timeProvider.GetUtcNow();
            if (now > _lastDispatch)
                _lastDispatch = now;
            var next = now + _interval;
            if (next > _theoreticalArrival)
                _theoreticalArrival = next;
        }
    }

    /// <summary>How much longer to wait so this request leaves at least one interval after the last one that left.</summary>
    private TimeSpan StrictWait()
    {
        if (!_strictSpacing)
            return TimeSpan.Zero;
        lock (_lock)
        {
            return _lastDispatch == DateTimeOffset.MinValue ? TimeSpan.Zero : _lastDispatch + _interval - _timeProvider.GetUtcNow();
        }
    }

    private DateTimeOffset StartFor(DateTimeOffset now)
    {
        var earliest = _theoreticalArrival == DateTimeOffset.MinValue ? now : _theoreticalArrival - _burstTolerance;
        return earliest > now ? earliest : now;
    }

    private void Reserve(DateTimeOffset now) =>
        _theoreticalArrival = (_theoreticalArrival > now ? _theoreticalArrival : now) + _interval;

    private static void ValidatePermitCount(int permitCount)
    {
        if (permitCount != 1)
            throw new ArgumentOutOfRangeException(nameof(permitCount), permitCount, "Each AWS request takes exactly one permit.");
    }

    private sealed class Lease(bool isAcquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Granted = new(true, null);

        public static Lease Rejected(TimeSpan retryAfter) => new(false, retryAfter);

        public override bool IsAcquired => isAcquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
