using MailFromConsole.Web.Infrastructure.Storage;

namespace MailFromConsole.Web.Tests.Infrastructure.Storage;

public static class TestDatabases
{
    /// <summary>The console's default database (SQLite <c>console.db</c>) in a data folder, as the app opens it.</summary>
    public static ConsoleDatabase InFolder(string dataFolder) =>
        new(StorageOptions.ForSqliteFile(Path.Combine(dataFolder, StorageOptions.SqliteFileName)));
}
