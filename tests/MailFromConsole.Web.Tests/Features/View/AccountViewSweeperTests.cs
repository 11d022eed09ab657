using MailFromConsole.Core.Ses;
using MailFromConsole.Core.View;
using MailFromConsole.Web.Features.View;
using MailFromConsole.Web.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace MailFromConsole.Web.Tests.Features.View;

public sealed class AccountViewSweeperTests : IAsyncLifetime
{
    private const string Region = FakeAws.Region;
    private readonly ViewTestHost host = new();

    private InMemorySes Ses => host.Aws.Ses;

    public Task InitializeAsync() => host.StartAsync();

    public Task DisposeAsync() => host.DisposeAsync().AsTask();

    private void Domains(int count, CustomMailFromStatus? status = null)
    {
        for (var i = 0; i < count; i++)
        {
            var identity = Ses.Add(Region, $"d{i:D5}.example.com");
            if (status is { } s) identity.MailFrom = new IdentityMailFromDomainAttributes($"mail.d{i:D5}.example.com", s, BehaviorOnMxFailure.UseDefaultValue);
        }
    }

    [Fact]
    public async Task AFirstStartListsInPagesOf1000AndReadsStatusInBatchesOf100UntilTheRoundIsComplete()
    {
        Domains(2_500);

        Assert.True(await host.Sweeper.ListOnceAsync(Region, default));

        Assert.Equal(3, Ses.ListIdentitiesCalls);
        Assert.Equal(new LoadProgress(2_500, 2_500, 0, ListingComplete: true), host.View.Progress(Region));
        Assert.All(host.View.Identities(Region), s => Assert.Null(s.Verification));

        Assert.True(await host.Sweeper.ReadNextAsync(Region, ViewPart.Verification, default));
        Assert.True(await host.Sweeper.ReadNextAsync(Region, ViewPart.MailFrom, default));
        Assert.Equal(100, host.View.Progress(Region).StatusRead);
        Assert.False(host.View.Progress(Region).RoundComplete);

        for (var i = 1; i < 25; i++)
        {
            await host.Sweeper.ReadNextAsync(Region, ViewPart.Verification, default);
            await host.Sweeper.ReadNextAsync(Region, ViewPart.MailFrom, default);
        }
        Assert.True(host.View.Progress(Region).RoundComplete);
        Assert.Equal(Enumerable.Repeat(100, 25), Ses.MailFromBatchSizes);
        Assert.False(await host.Sweeper.ReadNextAsync(Region, ViewPart.MailFrom, default));
    }

    [Fact]
    public async Task AFullRoundOf10000IdentitiesIsOneCallPerHundredPerOperationWithNoWaitOfTheSweepersOwn()
    {
        Domains(10_000);
        using var stopping = new CancellationTokenSource();

        // The sweeper's own loops, on a clock that never moves: a wait of the sweeper's own while reads are due would
        // stop the round here. So a round's time is the wire client's spacing alone (1.02 s per call, its tests):
        // 100 calls per operation take 101 s, within the 1.05 × ceil(10,000 / 100) s of issue #13.
        await host.Sweeper.StartAsync(stopping.Token);
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!host.View.Progress(Region).RoundComplete && DateTime.UtcNow < deadline) await Task.Delay(50);
        await host.Sweeper.StopAsync(CancellationToken.None);

        Assert.Equal(new LoadProgress(10_000, 10_000, 10_000, ListingComplete: true), host.View.Progress(Region));
        // The other configured region (eu-west-1, no identities) is listed too, whenever its loop gets there.
        Assert.Equal(10, Ses.ListIdentitiesCallsIn(Region));
        Assert.Equal(Enumerable.Repeat(100, 100), Ses.VerificationBatchSizes);
        Assert.Equal(Enumerable.Repeat(100, 100), Ses.MailFromBatchSizes);
    }

    [Fact]
    public async Task AnOpenIdentityIsReadAgainBeforeTheRestAndItsPageHearsTheChange()
    {
        Domains(300, CustomMailFromStatus.Pending);
        await host.CatchUpAsync(Region);
        var heard = new List<string>();
        using var subscription = host.CircuitState().NotifyOnChange(Region, "d00250.example.com", () => { heard.Add("changed"); return Task.CompletedTask; });
        Ses.Find(Region, "d00250.example.com")!.MailFrom = new IdentityMailFromDomainAttributes("mail.d00250.example.com", CustomMailFromStatus.Success, BehaviorOnMxFailure.UseDefaultValue);
        host.Time.Advance(new SweepIntervals().Watched);
        var before = Ses.MailFromBatchSizes.Count;

        Assert.True(await host.Sweeper.ReadNextAsync(Region, ViewPart.MailFrom, default));

        Assert.Equal(1, Ses.MailFromBatchSizes.Skip(before).Single());
        Assert.Equal(CustomMailFromStatus.Success, host.View.Find(Region, "d00250.example.com")!.MailFrom!.MailFromDomainStatus);
        Assert.Equal(["changed"], heard);
        var entry = Assert.Single(await host.View.HistoryAsync(Region, "d00250.example.com"));
        Assert.Equal("MAIL FROM status Pending → Success", entry.Text);
    }

    [Fact]
    public async Task ARestartShowsTheSavedViewWithoutAskingSes()
    {
        Domains(150, CustomMailFromStatus.Success);
        await host.CatchUpAsync(Region);
        var calls = Ses.Calls.Count;

        await using var restarted = await host.RestartAsync();

        Assert.Equal(150, restarted.View.Identities(Region).Count);
        Assert.Equal(CustomMailFromStatus.Success, restarted.View.Find(Region, "d00042.example.com")!.MailFrom!.MailFromDomainStatus);
        Assert.Equal(VerificationStatus.Success, restarted.View.Find(Region, "d00042.example.com")!.Verification);
        Assert.Equal(calls, Ses.Calls.Count);
        Assert.False(await restarted.Sweeper.ReadNextAsync(Region, ViewPart.MailFrom, default));
    }

    [Fact]
    public async Task AMailFromDomainChangedWithTheAwsCliIsAuditedAsChangedOutsideTheConsole()
    {
        Domains(1, CustomMailFromStatus.Success);
        await host.CatchUpAsync(Region);
        Ses.Find(Region, "d00000.example.com")!.MailFrom = new IdentityMailFromDomainAttributes("bounce.d00000.example.com", CustomMailFromStatus.Pending, BehaviorOnMxFailure.RejectMessage);
        host.Time.Advance(new SweepIntervals().Settled);

        await host.Sweeper.ReadNextAsync(Region, ViewPart.MailFrom, default);

        var audit = Assert.Single(await host.Services.AuditEntriesAsync());
        Assert.Equal("ChangedOutsideTheConsole", audit.Action);
        Assert.Equal(DriftAlerts.OutsideUser, audit.User);
        Assert.Equal("d00000.example.com", audit.Identity);
        Assert.Contains("bounce.d00000.example.com (RejectMessage)", audit.After);
    }

    [Fact]
    public async Task AnIdentityRemovedOutsideTheConsoleLeavesTheViewAfterTheNextListing()
    {
        Domains(3);
        await host.CatchUpAsync(Region);
        await Ses.DeleteIdentityAsync(Region, "d00001.example.com");

        await host.Sweeper.ListOnceAsync(Region, default);

        Assert.Equal(["d00000.example.com", "d00002.example.com"], host.View.Identities(Region).Select(s => s.Identity).Order());
        Assert.Contains(await host.Services.AuditEntriesAsync(), e => e.Identity == "d00001.example.com" && e.After == "Identity removed outside the console");
    }

    [Fact]
    public async Task ThrottlingIsKeptForThePagesAndClearedByTheNextGoodRead()
    {
        Domains(5);
        await host.Sweeper.ListOnceAsync(Region, default);
        Ses.FailNext("GetIdentityMailFromDomainAttributes", "Throttling", "Rate exceeded");

        Assert.False(await host.Sweeper.ReadNextAsync(Region, ViewPart.MailFrom, default));
        Assert.Contains("Rate exceeded", host.Sweeper.LastError(Region));

        Assert.True(await host.Sweeper.ReadNextAsync(Region, ViewPart.MailFrom, default));
        Assert.Null(host.Sweeper.LastError(Region));
    }

    [Fact]
    public async Task AnMxDeletedInRoute53AfterSuccessIsDriftInTheHistoryAndANotification()
    {
        var zone = host.Aws.Route53.AddZone("example.com");
        host.Aws.Route53.Put(zone, "mail.example.com", "MX", "10 feedback-smtp.us-east-1.amazonses.com.");
        host.Aws.Route53.Put(zone, "mail.example.com", "TXT", "\"v=spf1 include:amazonses.com ~all\"");
        Ses.Add(Region, "example.com").MailFrom = new IdentityMailFromDomainAttributes("mail.example.com", CustomMailFromStatus.Success, BehaviorOnMxFailure.UseDefaultValue);
        await host.CatchUpAsync(Region);
        Assert.True(await host.Sweeper.ReadNextAsync(Region, ViewPart.Dns, default));
        Assert.Equal(["feedback-smtp.us-east-1.amazonses.com"], host.View.Find(Region, "example.com")!.Dns!.MxHosts);

        await host.Aws.Route53.ChangeResourceRecordSetsAsync(zone.Id,
            [new Core.Route53.RecordSetChange(Core.Route53.ChangeAction.Delete, new Core.Route53.ResourceRecordSet("mail.example.com.", "MX", 300, ["10 feedback-smtp.us-east-1.amazonses.com."]))], null);
        host.Time.Advance(new SweepIntervals().DnsRecheck);
        Assert.True(await host.Sweeper.ReadNextAsync(Region, ViewPart.Dns, default));

        Assert.True(host.View.Find(Region, "example.com")!.IsSuccessWithMxMissing);
        var entry = Assert.Single(await host.View.HistoryAsync(Region, "example.com"));
        Assert.Equal("MX record of mail.example.com is gone", entry.Text);
        Assert.True(entry.IsDrift);
        Assert.Equal(entry, Assert.Single(host.Services.GetRequiredService<DriftAlerts>().Recent));
    }
}
