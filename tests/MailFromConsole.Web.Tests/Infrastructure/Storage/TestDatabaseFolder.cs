using MailFromConsole.Web.Infrastructure.Storage;
using Microsoft.Data.Sqlite;

namespace MailFromConsole.Web.Tests.Infrastructure.Storage;

/// <summary>The console's real SQLite database in a temp folder of its own, removed when the test's services are disposed.</summary>
public sealed class TestDatabaseFolder : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "mfc-db-" + Guid.NewGuid().ToString("N"));

    public StorageOptions Options => StorageOptions.ForSqliteFile(Path.Combine(folder, StorageOptions.SqliteFileName));

    public void Dispose()
    {
        if (!Directory.Exists(folder)) return;
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
