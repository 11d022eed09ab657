using MailFromConsole.Core.Ses;
using MailFromConsole.Core.View;
using MailFromConsole.Web.Features.Status;
using MailFromConsole.Web.Features.View;
using MailFromConsole.Web.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace MailFromConsole.Web.Tests.Features.View;

/// <summary>
/// What the pages' status reads (<see cref="IMailFromStatusCache"/>) get from the account view: shared by every page and
/// user, no SES call per read, watched identities told each change; what the removed status poller and identity
/// list cache did, now through the view.
/// </summary>
public sealed class ViewReadingTests : IAsyncLifetime
{
    private const string Region = FakeAws.Region;
    private readonly ViewTestHost host = new();

    private InMemorySes Ses => host.Aws.Ses;

    private IMailFromStatusCache Cache => host.Services.GetRequiredService<IMailFromStatusCache>();

    public Task InitializeAsync() => host.StartAsync();

    public Task DisposeAsync() => host.DisposeAsync().AsTask();

    [Fact]
    public async Task ReadingStatusForPagesAsksSesNothingHoweverOftenAndWhoeverReads()
    {
        var names = Enumerable.Range(0, 250).Select(i => $"d{i}.example.com").ToList();
        foreach (var name in names) Ses.Add(Region, name);
        await host.CatchUpAsync(Region);
        var calls = Ses.Calls.Count;

        for (var reader = 0; reader < 8; reader++) Assert.Equal(250, (await Cache.GetAsync(Region, names)).Count);

        Assert.Equal(calls, Ses.Calls.Count);
        Assert.Equal([100, 100, 50], Ses.MailFromBatchSizes);
    }

    [Fact]
    public async Task WatchedIdentitiesOfARegionAreReadTogetherInOneCallAndEachWatcherHearsItsOwn()
    {
        Ses.Add(Region, "a.com").MailFrom = new("mail.a.com", CustomMailFromStatus.Pending, BehaviorOnMxFailure.UseDefaultValue);
        Ses.Add(Region, "b.com");
        await host.CatchUpAsync(Region);
        var seenA = new List<CustomMailFromStatus?>();
        var seenB = 0;
        using var watchA1 = Cache.Watch(Region, "a.com", a => seenA.Add(a?.MailFromDomainStatus));
        using var watchA2 = Cache.Watch(Region, "a.com", _ => { });
        using var watchB = Cache.Watch(Region, "b.com", _ => seenB++);
        Ses.Find(Region, "a.com")!.MailFrom = new("mail.a.com", CustomMailFromStatus.Success, BehaviorOnMxFailure.UseDefaultValue);
        Ses.Find(Region, "b.com")!.MailFrom = new("mail.b.com", CustomMailFromStatus.Pending, BehaviorOnMxFailure.UseDefaultValue);
        host.Time.Advance(new SweepIntervals().Watched);
        var before = Ses.MailFromBatchSizes.Count;

        await host.Sweeper.ReadNextAsync(Region, ViewPart.MailFrom, CancellationToken.None);

        Assert.Equal([2], Ses.MailFromBatchSizes.Skip(before));
        Assert.Equal([CustomMailFromStatus.Success], seenA);
        Assert.Equal(1, seenB);
    }

    [Fact]
    public async Task ADisposedWatchNoLongerPutsItsIdentityFirst()
    {
        Ses.Add(Region, "a.com");
        await host.CatchUpAsync(Region);
        Cache.Watch(Region, "a.com", _ => { }).Dispose();
        host.Time.Advance(new SweepIntervals().Watched);

        Assert.False(await host.Sweeper.ReadNextAsync(Region, ViewPart.MailFrom, CancellationToken.None));
    }

    [Fact]
    public async Task AClientTimeoutDuringASweepIsReportedAndDoesNotStopIt()
    {
        Ses.Add(Region, "a.com");
        await host.Sweeper.ListOnceAsync(Region, CancellationToken.None);
        Ses.FailNext("GetIdentityMailFromDomainAttributes", new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout", new TimeoutException()));

        Assert.False(await host.Sweeper.ReadNextAsync(Region, ViewPart.MailFrom, CancellationToken.None));
        Assert.Contains("HttpClient.Timeout", Cache.LastPollError(Region));

        Assert.True(await host.Sweeper.ReadNextAsync(Region, ViewPart.MailFrom, CancellationToken.None));
        Assert.Null(Cache.LastPollError(Region));
    }

    [Fact]
    public async Task AFailedListingKeepsTheIdentitiesAlreadyKnown()
    {
        Ses.Add(Region, "a.com");
        await host.CatchUpAsync(Region);
        Ses.FailNext("ListIdentities", "Throttling", "Rate exceeded");

        Assert.False(await host.Sweeper.ListOnceAsync(Region, CancellationToken.None));

        Assert.Equal(["a.com"], host.View.Identities(Region).Select(s => s.Identity));
    }

    [Fact]
    public async Task EveryConsumerReadsTheSameView()
    {
        await using var scope = host.Services.CreateAsyncScope();
        Assert.Same(host.View, scope.ServiceProvider.GetRequiredService<IAccountViewState>().View);
        Assert.IsType<ViewStatusCache>(Cache);
    }
}
