using MailFromConsole.Web.Infrastructure.Storage;
using MailFromConsole.Web.Tests.Infrastructure.Storage;

namespace MailFromConsole.Web.Tests.Storage;

/// <summary>SQLite files in a temp folder of the test class.</summary>
public sealed class SqliteStorageFixture : StorageFixture
{
    private readonly TempFolder _folder = new();

    public override StorageProvider Provider => StorageProvider.Sqlite;

    public override Task<StorageOptions> NewDatabaseAsync() =>
        Task.FromResult(StorageOptions.ForSqliteFile(Path.Combine(_folder.Path, Guid.NewGuid().ToString("N"), StorageOptions.SqliteFileName)));

    public override Task DisposeAsync()
    {
        _folder.Dispose();
        return Task.CompletedTask;
    }
}
