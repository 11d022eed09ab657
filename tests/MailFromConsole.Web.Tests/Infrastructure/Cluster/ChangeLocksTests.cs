using MailFromConsole.Web.Infrastructure.Changes;
using MailFromConsole.Web.Infrastructure.Cluster;
using MailFromConsole.Web.Tests.Infrastructure.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace MailFromConsole.Web.Tests.Infrastructure.Cluster;

/// <summary>
/// #16 item 4: the lock a conditional MAIL FROM change holds while it reads SES, checks and writes, so a second change
/// of the same identity reads the first one's write and is refused instead of overwriting it, on both providers.
/// </summary>
public abstract class ChangeLocksTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : StorageFixture
{
    protected const string Identity = "mail-from|us-east-1|example.com";

    /// <summary>Long enough to see that a waiter does not get the lock; far below the lock's own wait.</summary>
    protected static readonly TimeSpan AWhile = TimeSpan.FromMilliseconds(700);

    protected TFixture Fixture => fixture;

    protected static Task<ClusterInstance> InstanceAsync(Dictionary<string, string?> settings, TimeSpan? wait = null) =>
        ClusterInstance.StartAsync(settings, (services, configuration) =>
        {
            if (wait is { } given) services.AddSingleton(new ChangeLocks { Wait = given });
            services.AddChangeLocks(configuration);
        });

    protected static IChangeLocks Locks(ClusterInstance instance) => instance.Services.GetRequiredService<IChangeLocks>();

    [Fact]
    public async Task ASecondChangeOfTheSameIdentityWaitsForTheFirstAndAnotherIdentityDoesNot()
    {
        await using var instance = await InstanceAsync(await fixture.NewDatabaseSettingsAsync());
        var locks = Locks(instance);

        var first = await locks.LockAsync(Identity, CancellationToken.None);
        var second = locks.LockAsync(Identity, CancellationToken.None);
        await using (var other = await locks.LockAsync("mail-from|us-east-1|example.org", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)))
        {
            Assert.NotNull(other);
        }
        await Task.Delay(AWhile);
        Assert.False(second.IsCompleted);

        await first!.DisposeAsync();
        await using var turn = await second.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.NotNull(turn);
    }

    [Fact]
    public async Task AChangeHeldUpLongerThanTheWaitGivesUp()
    {
        await using var instance = await InstanceAsync(await fixture.NewDatabaseSettingsAsync(), wait: TimeSpan.FromSeconds(1));
        var locks = Locks(instance);
        await using var first = await locks.LockAsync(Identity, CancellationToken.None);

        var second = await locks.LockAsync(Identity, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Null(second);
    }
}
