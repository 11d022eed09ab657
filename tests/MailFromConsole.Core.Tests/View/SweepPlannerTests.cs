using MailFromConsole.Core.Deliverability;
using MailFromConsole.Core.Ses;
using MailFromConsole.Core.View;
using Microsoft.Extensions.Time.Testing;

namespace MailFromConsole.Core.Tests.View;

public sealed class SweepPlannerTests
{
    private static readonly SweepIntervals Intervals = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
    private static readonly HashSet<string> NoneWatched = [];

    private IdentityState Read(string name, CustomMailFromStatus? status, TimeSpan ago) =>
        new(name, IdentityState.TypeOf(name))
        {
            MailFrom = new IdentityMailFromDomainAttributes(status is null ? null : $"mail.{name}", status, BehaviorOnMxFailure.UseDefaultValue),
            MailFromReadAt = time.GetUtcNow() - ago,
        };

    [Fact]
    public void JustChangedComesFirstThenWatchedThenUnsettledThenNeverReadThenTheOldestOfTheRound()
    {
        var states = new[]
        {
            Read("round.test", CustomMailFromStatus.Success, TimeSpan.FromHours(1)),
            new IdentityState("never.test", IdentityType.Domain),
            Read("pending.test", CustomMailFromStatus.Pending, TimeSpan.FromMinutes(1)),
            Read("watched.test", CustomMailFromStatus.Success, TimeSpan.FromSeconds(6)),
            Read("changed.test", CustomMailFromStatus.Success, TimeSpan.FromSeconds(1)) with { ChangedAt = time.GetUtcNow() },
        };

        var batch = SweepPlanner.NextBatch(ViewPart.MailFrom, states, new HashSet<string> { "watched.test" }, time.GetUtcNow(), Intervals);

        Assert.Equal(["changed.test", "watched.test", "pending.test", "never.test", "round.test"], batch);
    }

    [Fact]
    public void SettledIdentitiesReadRecentlyAreNotDueButPendingOnesAreReadMoreOften()
    {
        var states = new[]
        {
            Read("settled.test", CustomMailFromStatus.Success, TimeSpan.FromMinutes(1)),
            Read("temporary.test", CustomMailFromStatus.TemporaryFailure, TimeSpan.FromMinutes(1)),
            Read("fresh-pending.test", CustomMailFromStatus.Pending, TimeSpan.FromSeconds(10)),
        };

        Assert.Equal(["temporary.test"], SweepPlanner.NextBatch(ViewPart.MailFrom, states, NoneWatched, time.GetUtcNow(), Intervals));
        time.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(["fresh-pending.test", "settled.test", "temporary.test"], SweepPlanner.NextBatch(ViewPart.MailFrom, states, NoneWatched, time.GetUtcNow(), Intervals).Order());
    }

    [Fact]
    public void AChangeMadeAfterTheLastReadIsReadAgainEvenIfTheReadIsFresh()
    {
        var state = Read("example.com", CustomMailFromStatus.Success, TimeSpan.FromSeconds(1));

        Assert.Empty(SweepPlanner.NextBatch(ViewPart.MailFrom, [state], NoneWatched, time.GetUtcNow(), Intervals));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(["example.com"], SweepPlanner.NextBatch(ViewPart.MailFrom, [state with { ChangedAt = time.GetUtcNow() }], NoneWatched, time.GetUtcNow(), Intervals));
    }

    [Fact]
    public void AFirstRoundOf10000ReadsBatchesOf100AndTakesCeilNOver100Batches()
    {
        var states = Enumerable.Range(0, 10_000).Select(i => new IdentityState($"d{i:D5}.test", IdentityType.Domain)).ToDictionary(s => s.Identity);
        var batches = 0;
        while (SweepPlanner.NextBatch(ViewPart.Verification, states.Values, NoneWatched, time.GetUtcNow(), Intervals) is { Count: > 0 } batch)
        {
            Assert.True(batch.Count <= SweepPlanner.BatchSize);
            foreach (var name in batch) states[name] = states[name] with { Verification = VerificationStatus.Success, VerificationReadAt = time.GetUtcNow() };
            time.Advance(TimeSpan.FromSeconds(1));
            batches++;
        }

        Assert.Equal(100, batches);
        Assert.All(states.Values, s => Assert.NotNull(s.VerificationReadAt));
    }

    [Fact]
    public void DnsIsRecheckedOnlyForIdentitiesWithAMailFromDomainOnItsOwnSchedule()
    {
        var withDomain = Read("example.com", CustomMailFromStatus.Success, TimeSpan.Zero) with { DnsCheckedAt = time.GetUtcNow() };
        var without = Read("plain.test", null, TimeSpan.Zero);

        Assert.Empty(SweepPlanner.NextBatch(ViewPart.Dns, [withDomain, without], NoneWatched, time.GetUtcNow(), Intervals));
        time.Advance(Intervals.DnsRecheck);
        Assert.Equal(["example.com"], SweepPlanner.NextBatch(ViewPart.Dns, [withDomain, without], NoneWatched, time.GetUtcNow(), Intervals));
    }

    [Fact]
    public void ReadinessIsDecidedOnceSesWasReadAndAgainAsSoonAsTheSigningDkimChangesEvenTheDomainsForAnAddress()
    {
        var now = time.GetUtcNow();
        var pending = new IdentityDkimAttributes(true, VerificationStatus.Pending, ["t1", "t2", "t3"]);
        IdentityState Domain(IdentityDkimAttributes dkim) => Read("example.com", null, TimeSpan.FromSeconds(5)) with { Dkim = dkim, DkimReadAt = now };
        var address = Read("user@example.com", null, TimeSpan.FromSeconds(5)) with { Dkim = new IdentityDkimAttributes(false, VerificationStatus.NotStarted, []), DkimReadAt = now };
        IdentityState Decided(IdentityState state, IReadOnlyDictionary<string, IdentityState> all) => state with
        {
            Readiness = new DeliverabilityReadiness(DeliverabilityOutcome.NoDmarcPolicy, [], [], SweepPlanner.ReadinessBasis(state, all)),
            ReadinessCheckedAt = now,
        };
        var before = new Dictionary<string, IdentityState> { ["example.com"] = Domain(pending), ["user@example.com"] = address };
        var decided = new[] { Decided(before["example.com"], before), Decided(address, before), new IdentityState("unread.test", IdentityType.Domain) };
        Assert.Empty(SweepPlanner.NextBatch(ViewPart.Readiness, decided, NoneWatched, now, Intervals));

        var success = decided[0] with { Dkim = pending with { DkimVerificationStatus = VerificationStatus.Success } };

        Assert.Equal(["example.com", "user@example.com"], SweepPlanner.NextBatch(ViewPart.Readiness, [success, decided[1], decided[2]], NoneWatched, now, Intervals));
    }
}
