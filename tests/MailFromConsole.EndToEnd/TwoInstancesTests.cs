namespace MailFromConsole.EndToEnd;

/// <summary>Two console processes behind one database, as behind a load balancer: one sweeper between them, and it moves when its instance dies.</summary>
public sealed class TwoInstancesTests(TwoInstancesFixture instances) : IClassFixture<TwoInstancesFixture>
{
    [Fact]
    public async Task KillingTheLeaderHandsTheSweepToTheOtherWithinFifteenSecondsAndTheLocalAwsNeverThrottled()
    {
        Assert.Contains(TwoInstancesFixture.LeaderLog, instances.B.Output);
        Assert.DoesNotContain(TwoInstancesFixture.LeaderLog, instances.A.Output);

        await instances.B.KillAsync();

        await TwoInstancesFixture.WaitForLogAsync(instances.A, TwoInstancesFixture.LeaderLog, TimeSpan.FromSeconds(15));
        // A's own local AWS logs every request it throttles; both instances' requests went to it.
        Assert.DoesNotContain("Throttling", instances.A.Output);
    }
}
