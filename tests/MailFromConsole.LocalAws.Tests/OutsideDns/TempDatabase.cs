using Microsoft.Data.Sqlite;

namespace MailFromConsole.LocalAws.Tests.OutsideDns;

/// <summary>A SQLite file in a fresh temp folder, removed afterwards.</summary>
internal sealed class TempDatabase : IDisposable
{
    private readonly string _folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "mailfrom-outside-dns-" + Guid.NewGuid().ToString("N"));

    public string Path => System.IO.Path.Combine(_folder, "local-aws.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
