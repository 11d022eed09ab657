using System.Threading.RateLimiting;

namespace MailFromConsole.Aws.Http;

/// <summary>
/// One request per interval, measured between departures, for limits such as SES's 1 request/second for the
/// MAIL FROM calls. Only one permit is out at a time: the next waiter (in arrival order) is let through once the
/// previous request has left (<see cref="MarkDispatched"/>) — or given its permit back unsent — and one interval
/// has passed since the last departure. So a request held up after its permit (signing, a cold connection) never
/// lets the next one leave less than an interval after it. The clock is a <see cref="TimeProvider"/>.
/// </summary>
internal sealed class StrictIntervalRateLimiter : DispatchAwareRateLimiter
{
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _interval;
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly Lock _lock = new();
    private DateTimeOffset _lastDispatch = DateTimeOffset.MinValue;
    private HeldLease? _holder;
    private long _granted;

    public StrictIntervalRateLimiter(TimeSpan interval, TimeProvider timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        _interval = interval;
        _timeProvider = timeProvider;
    }

    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_lock)
            {
                if (_holder is not null || _lastDispatch == DateTimeOffset.MinValue)
                    return null;
                return _timeProvider.GetUtcNow() - _lastDispatch;
            }
        }
    }

    public override RateLimiterStatistics? GetStatistics() => new() { TotalSuccessfulLeases = Interlocked.Read(ref _granted) };

    public override void MarkDispatched()
    {
        lock (_lock)
        {
            _lastDispatch = _timeProvider.GetUtcNow();
            if (_holder is null)
                return;
            _holder = null;
        }
        _turn.Release();
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        ValidatePermitCount(permitCount);
        if (!_turn.Wait(0))
            return SimpleLease.Rejected(_interval);
        var wait = TimeUntilNextDeparture();
        if (wait > TimeSpan.Zero)
        {
            _turn.Release();
            return SimpleLease.Rejected(wait);
        }
        return Grant();
    }

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        ValidatePermitCount(permitCount);
        await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var wait = TimeUntilNextDeparture();
            if (wait > TimeSpan.Zero)
                await Task.Delay(wait, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            _turn.Release();
            throw;
        }
        return Grant();
    }

    private TimeSpan TimeUntilNextDeparture()
    {
        lock (_lock)
        {
            return _lastDispatch == DateTimeOffset.MinValue ? TimeSpan.Zero : _lastDispatch + _interval - _timeProvider.GetUtcNow();
        }
    }

    private HeldLease Grant()
    {
        var lease = new HeldLease(this);
        lock (_lock)
            _holder = lease;
        Interlocked.Increment(ref _granted);
        return lease;
    }

    /// <summary>A permit given back without being sent (the attempt failed before leaving): the turn passes on.</summary>
    private void Return(HeldLease lease)
    {
        lock (_lock)
        {
            if (!ReferenceEquals(_holder, lease))
                return;
            _holder = null;
        }
        _turn.Release();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _turn.Dispose();
        base.Dispose(disposing);
    }

    private sealed class HeldLease(StrictIntervalRateLimiter owner) : RateLimitLease
    {
        public override bool IsAcquired => true;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                owner.Return(this);
            base.Dispose(disposing);
        }
    }
}
