using System.Threading.RateLimiting;

namespace MailFromConsole.Aws.Http;

/// <summary>
/// A sustained rate with bursts (generic cell rate algorithm), for limits such as Route 53's 10 requests/second
/// with bursts of 50: at most <c>burst</c> requests at once, then one every <c>interval</c>. Each waiter is given
/// its start time in arrival order; the clock is a <see cref="TimeProvider"/> so tests can drive it. A cancelled
/// waiter gives up its slot (the limiter only ever errs on the slow side).
/// </summary>
internal sealed class BurstRateLimiter : DispatchAwareRateLimiter
{
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _interval;
    private readonly TimeSpan _burstTolerance;
    private readonly Lock _lock = new();
    private DateTimeOffset _theoreticalArrival = DateTimeOffset.MinValue;
    private long _granted;

    public BurstRateLimiter(TimeSpan interval, int burst, TimeProvider timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(burst, 1);
        _interval = interval;
        _burstTolerance = interval * (burst - 1);
        _timeProvider = timeProvider;
    }

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

    public override RateLimiterStatistics? GetStatistics() => new() { TotalSuccessfulLeases = Interlocked.Read(ref _granted) };

    // The sustained rate is about permits; departures need no tracking here.
    public override void MarkDispatched()
    {
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        ValidatePermitCount(permitCount);
        lock (_lock)
        {
            var now = _timeProvider.GetUtcNow();
            var start = StartFor(now);
            if (start > now)
                return SimpleLease.Rejected(start - now);
            Reserve(now);
        }
        Interlocked.Increment(ref _granted);
        return SimpleLease.Granted;
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
        if (wait > TimeSpan.Zero)
            await Task.Delay(wait, _timeProvider, cancellationToken).ConfigureAwait(false);
        Interlocked.Increment(ref _granted);
        return SimpleLease.Granted;
    }

    private DateTimeOffset StartFor(DateTimeOffset now)
    {
        if (_theoreticalArrival == DateTimeOffset.MinValue)
            return now;
        var earliest = _theoreticalArrival - _burstTolerance;
        return earliest > now ? earliest : now;
    }

    private void Reserve(DateTimeOffset now) =>
        _theoreticalArrival = (_theoreticalArrival > now ? _theoreticalArrival : now) + _interval;
}
