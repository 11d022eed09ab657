using MailFromConsole.Web.Infrastructure.Storage;
using Microsoft.Extensions.Configuration;

namespace MailFromConsole.Web.Tests.Infrastructure.Storage;

/// <summary>A real database server of one provider for a test class: fresh, empty databases on demand, all removed afterwards.</summary>
public abstract class StorageFixture : IAsyncLifetime
{
    public abstract StorageProvider Provider { get; }

    /// <summary>The settings (as the console reads them) of a new empty database, no schema yet.</summary>
    public abstract Task<Dictionary<string, string?>> NewDatabaseSettingsAsync();

    /// <summary>A new empty database (no schema yet) and the options that reach it.</summary>
    public async Task<StorageOptions> NewDatabaseAsync() =>
        StorageOptions.FromConfiguration(new ConfigurationBuilder().AddInMemoryCollection(await NewDatabaseSettingsAsync()).Build());

    public Task InitializeAsync() => Task.CompletedTask;

    public abstract Task DisposeAsync();
}
