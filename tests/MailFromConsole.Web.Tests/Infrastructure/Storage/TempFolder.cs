using Microsoft.Data.Sqlite;

namespace MailFromConsole.Web.Tests.Infrastructure.Storage;

/// <summary>A fresh data folder per test, removed afterwards (SQLite pools are cleared first so the files can go).</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "mfc-auth-" + Guid.NewGuid().ToString("N"));

    public TempFolder() => Directory.CreateDirectory(Path);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(Path, recursive: true);
    }
}
