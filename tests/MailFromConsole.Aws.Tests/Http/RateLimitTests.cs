using System.Threading.RateLimiting;
using MailFromConsole.Aws.Http;
using MailFromConsole.Aws.Tests.Infrastructure;
using MailFromConsole.Core.Ses;
using Microsoft.Extensions.Time.Testing;

namespace MailFromConsole.Aws.Tests.Http;

public sealed class RateLimitTests
{
    [Fact]
    public async Task StrictLimiterSpacesDeparturesByTheIntervalOnTheClock()
    {
        var clock = new FakeTimeProvider();
        using var limiter = new StrictIntervalRateLimiter(TimeSpan.FromSeconds(1), clock);

        var first = await limiter.AcquireAsync();
        limiter.MarkDispatched();
        var second = limiter.AcquireAsync().AsTask();
        var third = limiter.AcquireAsync().AsTask();

        Assert.True(first.IsAcquired);
        clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(second.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True((await second).IsAcquired);
        limiter.MarkDispatched();
        clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(third.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True((await third).IsAcquired);
    }

    [Fact]
    public async Task StrictSpacingCountsFromWhenThePreviousRequestActuallyLeft()
    {
        var clock = new FakeTimeProvider();
        using var limiter = new StrictIntervalRateLimiter(TimeSpan.FromSeconds(1), clock);

        using var first = await limiter.AcquireAsync();
        var second = limiter.AcquireAsync().AsTask();
        // The first request is held up after its permit (signing, a cold connection) and leaves 300 ms late.
        clock.Advance(TimeSpan.FromMilliseconds(300));
        Assert.False(second.IsCompleted);
        limiter.MarkDispatched();

        clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(second.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True((await second).IsAcquired);
    }

    [Fact]
    public async Task APermitReturnedUnsentPassesTheTurnWithoutWaiting()
    {
        var clock = new FakeTimeProvider();
        using var limiter = new StrictIntervalRateLimiter(TimeSpan.FromSeconds(1), clock);

        var unsent = await limiter.AcquireAsync();
        var next = limiter.AcquireAsync().AsTask();
        Assert.False(next.IsCompleted);
        unsent.Dispose();

        Assert.True((await next).IsAcquired);
    }

    [Fact]
    public void BurstLimiterAllowsTheBurstAtOnceThenTheSustainedRate()
    {
        var clock = new FakeTimeProvider();
        using var limiter = new BurstRateLimiter(TimeSpan.FromMilliseconds(100), burst: 50, clock);

        var granted = Enumerable.Range(0, 60).Count(_ => limiter.AttemptAcquire().IsAcquired);
        Assert.Equal(50, granted);

        clock.Advance(TimeSpan.FromSeconds(1));
        var afterOneSecond = Enumerable.Range(0, 60).Count(_ => limiter.AttemptAcquire().IsAcquired);
        Assert.Equal(10, afterOneSecond);
        var rejected = limiter.AttemptAcquire();
        Assert.True(rejected.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter));
        Assert.Equal(TimeSpan.FromMilliseconds(100), retryAfter);
    }

    [Fact]
    public async Task BurstLimiterQueuesWaitersAtTheSustainedRate()
    {
        var clock = new FakeTimeProvider();
        using var limiter = new BurstRateLimiter(TimeSpan.FromMilliseconds(100), burst: 2, clock);

        var waiters = Enumerable.Range(0, 4).Select(_ => limiter.AcquireAsync().AsTask()).ToList();

        Assert.Equal(2, waiters.Count(w => w.IsCompleted));
        clock.Advance(TimeSpan.FromMilliseconds(100));
        await waiters[2];
        Assert.False(waiters[3].IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(100));
        Assert.True((await waiters[3]).IsAcquired);
    }

    [Fact]
    public async Task MailFromCallsOfOneRegionAreSpacedByTheConfiguredInterval()
    {
        await using var aws = await AwsClientHarness.StartAsync(
            _ => CannedResponse.Ok(AwsExamples.SesEmpty("SetIdentityMailFromDomain")),
            new Dictionary<string, string?> { ["Aws:RateLimits:SesMailFromInterval"] = "00:00:00.200" });

        // One call first opens the connection, so connection setup does not delay one arrival and shrink the next gap.
        await aws.Ses.SetIdentityMailFromDomainAsync("us-east-1", "warm.example.com", null, null);
        await Task.WhenAll(Enumerable.Range(0, 3).Select(i =>
            aws.Ses.SetIdentityMailFromDomainAsync("us-east-1", $"d{i}.example.com", $"mail.d{i}.example.com", BehaviorOnMxFailure.UseDefaultValue)));

        var times = aws.Server.Requests.Select(r => r.ReceivedAt).Order().ToList();
        Assert.Equal(4, times.Count);
        Assert.All(times.Zip(times.Skip(1)), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromMilliseconds(175), $"gap {(pair.Second - pair.First).TotalMilliseconds} ms"));
    }

    [Fact]
    public async Task OtherRegionsAndOperationsDoNotWaitForTheMailFromLimit()
    {
        await using var aws = await AwsClientHarness.StartAsync(
            r => CannedResponse.Ok(AwsExamples.SesEmpty(r.FormValue("Action")!)),
            new Dictionary<string, string?> { ["Aws:RateLimits:SesMailFromInterval"] = "00:00:05" });

        await aws.Ses.SetIdentityMailFromDomainAsync("us-east-1", "example.com", null, null);
        var others = Task.WhenAll(
            aws.Ses.SetIdentityMailFromDomainAsync("eu-west-1", "example.com", null, null),
            aws.Ses.VerifyEmailIdentityAsync("us-east-1", "user@example.com"));

        Assert.Same(others, await Task.WhenAny(others, Task.Delay(TimeSpan.FromSeconds(3))));
        Assert.Equal(3, aws.Server.Requests.Count);
    }

    [Fact]
    public async Task TimeQueuedForAPermitDoesNotCountAgainstTheAttemptTimeout()
    {
        await using var aws = await AwsClientHarness.StartAsync(
            _ => CannedResponse.Ok(AwsExamples.SesEmpty("SetIdentityMailFromDomain")),
            new Dictionary<string, string?>
            {
                ["Aws:RateLimits:SesMailFromInterval"] = "00:00:00.600",
                ["Aws:Retry:AttemptTimeout"] = "00:00:00.300",
                ["Aws:Retry:MaxRetryAttempts"] = "1",
            });

        await Task.WhenAll(
            aws.Ses.SetIdentityMailFromDomainAsync("us-east-1", "a.example.com", null, null),
            aws.Ses.SetIdentityMailFromDomainAsync("us-east-1", "b.example.com", null, null));

        Assert.Equal(2, aws.Server.Requests.Count);
    }
}
