using MailFromConsole.Core.Ses;
using MailFromConsole.Web.Features.Status;
using MailFromConsole.Web.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace MailFromConsole.Web.Tests.Features.Status;

public sealed class MailFromStatusPollerTests : FakeAwsServiceTest
{
    private MailFromStatusPoller Poller => services.GetRequiredService<MailFromStatusPoller>();

    [Fact]
    public async Task Reads250IdentitiesInBatchesOfAtMost100()
    {
        var names = Enumerable.Range(0, 250).Select(i => $"d{i}.example.com").ToList();
        foreach (var name in names) aws.Ses.Add(Region, name);

        var result = await Poller.GetAsync(Region, names);

        Assert.Equal(250, result.Count);
        Assert.Equal([100, 100, 50], aws.Ses.MailFromBatchSizes);
    }

    [Fact]
    public async Task ASecondReadWithinTheCacheAgeDoesNotAskSesAgain()
    {
        aws.Ses.Add(Region, "example.com");

        await Poller.GetAsync(Region, ["example.com"]);
        await Poller.GetAsync(Region, ["example.com"]);

        Assert.Single(aws.Ses.MailFromBatchSizes);
    }

    [Fact]
    public async Task OnePollReadsEveryWatchedIdentityOfARegionInOneCall()
    {
        aws.Ses.Add(Region, "a.com").MailFrom = new("mail.a.com", CustomMailFromStatus.Pending, BehaviorOnMxFailure.UseDefaultValue);
        aws.Ses.Add(Region, "b.com");
        var seenA = new List<CustomMailFromStatus?>();
        var seenB = 0;
        using var watchA1 = Poller.Watch(Region, "a.com", a => seenA.Add(a?.MailFromDomainStatus));
        using var watchA2 = Poller.Watch(Region, "a.com", _ => { });
        using var watchB = Poller.Watch(Region, "b.com", _ => seenB++);
        aws.Ses.Find(Region, "a.com")!.MailFrom = new("mail.a.com", CustomMailFromStatus.Success, BehaviorOnMxFailure.UseDefaultValue);

        await Poller.PollOnceAsync(CancellationToken.None);

        Assert.Equal([2], aws.Ses.MailFromBatchSizes);
        Assert.Equal([CustomMailFromStatus.Success], seenA);
        Assert.Equal(1, seenB);
    }

    [Fact]
    public async Task ADisposedWatchIsNoLongerPolled()
    {
        aws.Ses.Add(Region, "a.com");
        var watch = Poller.Watch(Region, "a.com", _ => { });
        watch.Dispose();

        await Poller.PollOnceAsync(CancellationToken.None);

        Assert.Empty(aws.Ses.MailFromBatchSizes);
    }

    [Fact]
    public async Task AThrottledPollIsReportedAndDoesNotStopThePoller()
    {
        aws.Ses.Add(Region, "a.com");
        using var watch = Poller.Watch(Region, "a.com", _ => { });
        aws.Ses.FailNext("GetIdentityMailFromDomainAttributes", "Throttling", "Rate exceeded");

        await Poller.PollOnceAsync(CancellationToken.None);
        Assert.Contains("Rate exceeded", Poller.LastPollError(Region));

        await Poller.PollOnceAsync(CancellationToken.None);
        Assert.Null(Poller.LastPollError(Region));
    }

    [Fact]
    public async Task AClientTimeoutDuringAPollIsReportedAndDoesNotStopThePoller()
    {
        aws.Ses.Add(Region, "a.com");
        using var watch = Poller.Watch(Region, "a.com", _ => { });
        aws.Ses.FailNext("GetIdentityMailFromDomainAttributes", new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout", new TimeoutException()));

        await Poller.PollOnceAsync(CancellationToken.None);

        Assert.Contains("HttpClient.Timeout", Poller.LastPollError(Region));
    }

    [Fact]
    public void EveryConsumerGetsTheSameCacheInstance()
    {
        Assert.Same(services.GetRequiredService<IMailFromStatusCache>(), Poller);
    }
}
