using MailFromConsole.Web.Infrastructure.Storage;

namespace MailFromConsole.Web.Tests.Infrastructure.Storage;

/// <summary>SQLite files (the default provider) in data folders under a temp folder of the test class.</summary>
public sealed class SqliteStorageFixture : StorageFixture
{
    private readonly TempFolder _folder = new();

    public override StorageProvider Provider => StorageProvider.Sqlite;

    public override Task<Dictionary<string, string?>> NewDatabaseSettingsAsync() =>
        Task.FromResult(new Dictionary<string, string?> { ["Auth:DataFolder"] = Path.Combine(_folder.Path, Guid.NewGuid().ToString("N")) });

    public override Task DisposeAsync()
    {
        _folder.Dispose();
        return Task.CompletedTask;
    }
}
