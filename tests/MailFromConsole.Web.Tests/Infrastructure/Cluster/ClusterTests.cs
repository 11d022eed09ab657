using System.Collections.Concurrent;
using MailFromConsole.Web.Tests.Infrastructure.Storage;

namespace MailFromConsole.Web.Tests.Infrastructure.Cluster;

/// <summary>Leadership and change notifications of instances that share one database, on both providers.</summary>
public abstract class ClusterTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : StorageFixture
{
    protected TFixture Fixture => fixture;

    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task AChangePublishedOnAnInstanceReachesItsOwnSubscribersOfThatTopicOnly()
    {
        await using var instance = await ClusterInstance.StartAsync(await fixture.NewDatabaseSettingsAsync());
        var heard = new ConcurrentQueue<string>();
        var other = new ConcurrentQueue<string>();
        using var subscription = instance.Changes.Subscribe("account-view", heard.Enqueue);
        using var otherSubscription = instance.Changes.Subscribe("users", other.Enqueue);

        await instance.Changes.PublishAsync("account-view", "us-east-1|example.com");

        await Eventually(() => heard.Contains("us-east-1|example.com"));
        Assert.Empty(other);
    }

    [Fact]
    public async Task ADisposedSubscriptionHearsNothingMore()
    {
        await using var instance = await ClusterInstance.StartAsync(await fixture.NewDatabaseSettingsAsync());
        var heard = new ConcurrentQueue<string>();
        var subscription = instance.Changes.Subscribe("users", heard.Enqueue);
        await instance.Changes.PublishAsync("users", "first");
        await Eventually(() => heard.Contains("first"));

        subscription.Dispose();
        var after = new ConcurrentQueue<string>();
        using var witness = instance.Changes.Subscribe("users", after.Enqueue);
        await instance.Changes.PublishAsync("users", "second");
        await Eventually(() => after.Contains("second"));

        Assert.Equal(["first"], heard);
    }

    [Fact]
    public async Task OneInstanceLeadsAtATime()
    {
        await using var instance = await ClusterInstance.StartAsync(await fixture.NewDatabaseSettingsAsync());

        var leadership = await instance.Lease.WaitForLeadershipAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(instance.Lease.IsLeader);
        Assert.False(leadership.IsCancellationRequested);
    }

    protected static async Task Eventually(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Soon;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"not within {Soon.TotalSeconds} s");
            await Task.Delay(20);
        }
    }
}
