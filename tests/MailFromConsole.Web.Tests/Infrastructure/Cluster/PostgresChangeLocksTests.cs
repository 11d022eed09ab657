using MailFromConsole.Web.Infrastructure.Changes;
using MailFromConsole.Web.Tests.Infrastructure.Storage;

namespace MailFromConsole.Web.Tests.Infrastructure.Cluster;

/// <summary>On PostgreSQL the lock is shared by every instance on the database (an advisory lock).</summary>
public sealed class PostgresChangeLocksTests(PostgresStorageFixture fixture) : ChangeLocksTests<PostgresStorageFixture>(fixture)
{
    [Fact]
    public async Task TwoInstancesChangeOneIdentityInTurn()
    {
        var settings = await Fixture.NewDatabaseSettingsAsync();
        await using var a = await InstanceAsync(settings);
        await using var b = await InstanceAsync(settings);
        Assert.IsType<PostgresChangeLocks>(Locks(a));

        var onA = await Locks(a).LockAsync(Identity, CancellationToken.None);
        var onB = Locks(b).LockAsync(Identity, CancellationToken.None);
        await using (var otherOnB = await Locks(b).LockAsync("mail-from|eu-west-1|example.com", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)))
        {
            Assert.NotNull(otherOnB);
        }
        await Task.Delay(AWhile);
        Assert.False(onB.IsCompleted);

        await onA!.DisposeAsync();
        await using var turn = await onB.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.NotNull(turn);
    }

    [Fact]
    public async Task AnInstanceGivesUpWhenAnotherHoldsTheIdentityLongerThanTheWait()
    {
        var settings = await Fixture.NewDatabaseSettingsAsync();
        await using var a = await InstanceAsync(settings);
        await using var b = await InstanceAsync(settings, wait: TimeSpan.FromSeconds(1));
        await using var onA = await Locks(a).LockAsync(Identity, CancellationToken.None);

        var onB = await Locks(b).LockAsync(Identity, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Null(onB);
    }
}
