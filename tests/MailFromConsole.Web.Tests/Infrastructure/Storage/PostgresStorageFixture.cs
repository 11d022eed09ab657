using MailFromConsole.Testing;
using MailFromConsole.Web.Infrastructure.Storage;
using Npgsql;

namespace MailFromConsole.Web.Tests.Infrastructure.Storage;

/// <summary>Databases on the test PostgreSQL server (<see cref="TestPostgres"/>), one per request, dropped afterwards.</summary>
public sealed class PostgresStorageFixture : StorageFixture
{
    private readonly List<string> _databases = [];

    public override StorageProvider Provider => StorageProvider.Postgres;

    public override async Task<Dictionary<string, string?>> NewDatabaseSettingsAsync()
    {
        var name = "mfc_test_" + Guid.NewGuid().ToString("N");
        await using (var server = new NpgsqlConnection(TestPostgres.ServerConnectionString))
        {
            await server.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", server);
            await create.ExecuteNonQueryAsync();
        }
        lock (_databases)
        {
            _databases.Add(name);
        }
        return new Dictionary<string, string?>
        {
            [StorageOptions.ProviderKey] = nameof(StorageProvider.Postgres),
            ["ConnectionStrings:" + StorageOptions.ConnectionStringName] =
                new NpgsqlConnectionStringBuilder(TestPostgres.ServerConnectionString) { Database = name }.ConnectionString,
        };
    }

    public override async Task DisposeAsync()
    {
        if (_databases.Count == 0) return;
        NpgsqlConnection.ClearAllPools();
        await using var server = new NpgsqlConnection(TestPostgres.ServerConnectionString);
        await server.OpenAsync();
        foreach (var name in _databases)
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", server);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
