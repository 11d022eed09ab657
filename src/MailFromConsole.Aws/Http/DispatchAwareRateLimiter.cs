using System.Threading.RateLimiting;

namespace MailFromConsole.Aws.Http;

/// <summary>A limiter that can be told when a request holding its permit really leaves for the network.</summary>
internal abstract class DispatchAwareRateLimiter : RateLimiter
{
    /// <summary>Called by the innermost handler just before the request is sent.</summary>
    public abstract void MarkDispatched();

    protected static void ValidatePermitCount(int permitCount)
    {
        if (permitCount != 1)
            throw new ArgumentOutOfRangeException(nameof(permitCount), permitCount, "Each AWS request takes exactly one permit.");
    }

    protected sealed class SimpleLease(bool isAcquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly SimpleLease Granted = new(true, null);

        public static SimpleLease Rejected(TimeSpan retryAfter) => new(false, retryAfter);

        public override bool IsAcquired => isAcquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
