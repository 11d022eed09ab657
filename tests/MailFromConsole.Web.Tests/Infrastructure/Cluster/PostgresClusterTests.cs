using System.Collections.Concurrent;
using MailFromConsole.Web.Infrastructure.Cluster;
using MailFromConsole.Web.Tests.Infrastructure.Storage;

namespace MailFromConsole.Web.Tests.Infrastructure.Cluster;

/// <summary>PostgreSQL also serves several instances: they hear each other's changes, and leadership moves when the leader goes.</summary>
public sealed class PostgresClusterTests(PostgresStorageFixture fixture) : ClusterTests<PostgresStorageFixture>(fixture)
{
    [Fact]
    public async Task AChangePublishedOnOneInstanceReachesTheOtherWithinTwoSeconds()
    {
        var settings = await Fixture.NewDatabaseSettingsAsync();
        await using var a = await ClusterInstance.StartAsync(settings);
        await using var b = await ClusterInstance.StartAsync(settings);
        var heardOnB = new ConcurrentQueue<string>();
        using var subscription = b.Changes.Subscribe("account-view", heardOnB.Enqueue);

        await a.Changes.PublishAsync("account-view", "eu-west-1|example.org");

        await Eventually(() => heardOnB.Contains("eu-west-1|example.org"));
    }

    [Fact]
    public async Task WhenTheLeaderStopsTheOtherInstanceLeadsWithinFifteenSeconds()
    {
        var settings = await Fixture.NewDatabaseSettingsAsync();
        var a = await ClusterInstance.StartAsync(settings);
        var aLeads = await a.Lease.WaitForLeadershipAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        await using var b = await ClusterInstance.StartAsync(settings);
        await Task.Delay(PostgresLeaderLease.RetryInterval * 2);
        Assert.False(b.Lease.IsLeader);

        await a.DisposeAsync();

        Assert.True(aLeads.IsCancellationRequested);
        var bLeads = await b.Lease.WaitForLeadershipAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(15));
        Assert.False(bLeads.IsCancellationRequested);
    }
}
