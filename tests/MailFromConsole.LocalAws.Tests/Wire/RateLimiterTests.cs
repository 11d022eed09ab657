using MailFromConsole.LocalAws.Wire;
using Microsoft.Extensions.Time.Testing;

namespace MailFromConsole.LocalAws.Tests.Wire;

public sealed class RateLimiterTests
{
    private readonly FakeTimeProvider time = new();

    [Fact]
    public void RequestsArrivingOneSecondApartPassEvenWhenTheFirstWasCheckedLate()
    {
        var limiter = new RateLimiter(time);
        var first = limiter.Now();
        time.Advance(TimeSpan.FromMilliseconds(170)); // a cold server verifies the first signature slowly

        Assert.True(limiter.TryTake("ses:us-east-1:ListIdentities", 1, 1, first));
        time.Advance(TimeSpan.FromMilliseconds(830));
        Assert.True(limiter.TryTake("ses:us-east-1:ListIdentities", 1, 1, limiter.Now()));
    }

    [Fact]
    public void ASecondRequestArrivingWithinOneSecondIsThrottled()
    {
        var limiter = new RateLimiter(time);

        Assert.True(limiter.TryTake("ses:us-east-1:SetIdentityMailFromDomain", 1, 1, limiter.Now()));
        time.Advance(TimeSpan.FromMilliseconds(900));
        Assert.False(limiter.TryTake("ses:us-east-1:SetIdentityMailFromDomain", 1, 1, limiter.Now()));
    }

    [Fact]
    public void AnEarlierArrivalCheckedAfterALaterOneDoesNotEarnExtraPermits()
    {
        var limiter = new RateLimiter(time);
        var early = limiter.Now();
        time.Advance(TimeSpan.FromMilliseconds(100));

        Assert.True(limiter.TryTake("route53", 1, 1, limiter.Now()));
        Assert.False(limiter.TryTake("route53", 1, 1, early));
    }
}
