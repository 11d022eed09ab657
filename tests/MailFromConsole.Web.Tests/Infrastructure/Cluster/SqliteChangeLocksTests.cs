using MailFromConsole.Web.Infrastructure.Changes;
using MailFromConsole.Web.Tests.Infrastructure.Storage;

namespace MailFromConsole.Web.Tests.Infrastructure.Cluster;

public sealed class SqliteChangeLocksTests(SqliteStorageFixture fixture) : ChangeLocksTests<SqliteStorageFixture>(fixture)
{
    [Fact]
    public async Task OnSqliteTheLockIsTheProcesssOwn()
    {
        await using var instance = await InstanceAsync(await Fixture.NewDatabaseSettingsAsync());

        Assert.IsType<ChangeLocks>(Locks(instance));
    }
}
