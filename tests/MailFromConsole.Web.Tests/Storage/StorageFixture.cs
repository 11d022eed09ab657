using MailFromConsole.Web.Infrastructure.Storage;

namespace MailFromConsole.Web.Tests.Storage;

/// <summary>A real database server of one provider for a test class: fresh, empty databases on demand, all removed afterwards.</summary>
public abstract class StorageFixture : IAsyncLifetime
{
    public abstract StorageProvider Provider { get; }

    /// <summary>A new empty database (no schema yet) and the options that reach it.</summary>
    public abstract Task<StorageOptions> NewDatabaseAsync();

    /// <summary>A new database with the console's schema, ready to use.</summary>
    public async Task<ConsoleDatabase> NewMigratedDatabaseAsync()
    {
        var database = new ConsoleDatabase(await NewDatabaseAsync());
        await database.EnsureReadyAsync(CancellationToken.None);
        return database;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public abstract Task DisposeAsync();
}
