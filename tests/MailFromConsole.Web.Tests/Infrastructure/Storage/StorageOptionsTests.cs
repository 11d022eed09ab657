using MailFromConsole.Web.Infrastructure.Storage;
using Microsoft.Extensions.Configuration;

namespace MailFromConsole.Web.Tests.Infrastructure.Storage;

public sealed class StorageOptionsTests
{
    private static StorageOptions Read(Dictionary<string, string?> settings) =>
        StorageOptions.FromConfiguration(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());

    [Fact]
    public void WithNothingConfiguredTheDataIsOneSqliteFileInTheDataFolder()
    {
        var options = Read(new() { ["Auth:DataFolder"] = "/var/lib/mailfrom" });

        Assert.Equal(StorageProvider.Sqlite, options.Provider);
        Assert.Contains("/var/lib/mailfrom/console.db", options.ConnectionString);
    }

    [Fact]
    public void PostgresUsesTheConsoleConnectionStringAndNamesItWithoutThePassword()
    {
        var options = Read(new()
        {
            ["Storage:Provider"] = "postgres",
            ["ConnectionStrings:Console"] = "Host=db.internal;Port=5433;Database=mailfrom;Username=console;Password=s3cret",
        });

        Assert.Equal(StorageProvider.Postgres, options.Provider);
        Assert.Equal("PostgreSQL database 'mailfrom' on db.internal:5433", options.Description);
        Assert.DoesNotContain("s3cret", options.Description);
    }

    [Fact]
    public void PostgresWithoutAConnectionStringStopsTheStartNamingTheKey()
    {
        var refused = Assert.Throws<ConsoleStorageException>(() => Read(new() { ["Storage:Provider"] = "Postgres" }));

        Assert.Contains("ConnectionStrings:Console", refused.Message);
    }

    [Fact]
    public void AnUnknownProviderStopsTheStartNamingTheChoices()
    {
        var refused = Assert.Throws<ConsoleStorageException>(() => Read(new() { ["Storage:Provider"] = "Oracle" }));

        Assert.Contains("Sqlite", refused.Message);
        Assert.Contains("Postgres", refused.Message);
    }
}
