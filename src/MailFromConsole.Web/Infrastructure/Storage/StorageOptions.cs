using Microsoft.Data.Sqlite;
using Npgsql;

namespace MailFromConsole.Web.Infrastructure.Storage;

/// <summary>Where the console keeps its own data, read from <c>Storage:Provider</c> and <c>ConnectionStrings:Console</c>.</summary>
/// <param name="Description">Names the database in messages without its password.</param>
public sealed record StorageOptions(StorageProvider Provider, string ConnectionString, string Description)
{
    public const string ProviderKey = "Storage:Provider";
    public const string ConnectionStringName = "Console";
    public const string SqliteFileName = "console.db";

    public bool IsPostgres => Provider == StorageProvider.Postgres;

    public static StorageOptions FromConfiguration(IConfiguration configuration)
    {
        var provider = ParseProvider(configuration[ProviderKey]);
        if (provider == StorageProvider.Sqlite)
        {
            var file = Path.Combine(ConsoleDataFolder.Resolve(configuration), SqliteFileName);
            return ForSqliteFile(file);
        }
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new ConsoleStorageException(
                $"{ProviderKey} is Postgres, but ConnectionStrings:{ConnectionStringName} is empty. Set it to an Npgsql connection " +
                "string, e.g. --ConnectionStrings:Console=\"Host=127.0.0.1;Port=5432;Database=mailfrom;Username=mailfrom;Password=…\".");
        }
        return ForPostgres(connectionString);
    }

    public static StorageOptions ForSqliteFile(string file)
    {
        var path = Path.GetFullPath(file);
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            // How long a statement waits for another writer (SQLite has one) before it fails.
            DefaultTimeout = 10,
        }.ToString();
        return new StorageOptions(StorageProvider.Sqlite, connectionString, $"SQLite file {path}");
    }

    public static StorageOptions ForPostgres(string connectionString)
    {
        NpgsqlConnectionStringBuilder parsed;
        try
        {
            parsed = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException ex)
        {
            throw new ConsoleStorageException($"ConnectionStrings:{ConnectionStringName} is not an Npgsql connection string: {ex.Message}");
        }
        return new StorageOptions(StorageProvider.Postgres, connectionString,
            $"PostgreSQL database '{parsed.Database}' on {parsed.Host}:{parsed.Port}");
    }

    private static StorageProvider ParseProvider(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return StorageProvider.Sqlite;
        }
        return value.Trim().ToUpperInvariant() switch
        {
            "SQLITE" => StorageProvider.Sqlite,
            "POSTGRES" or "POSTGRESQL" => StorageProvider.Postgres,
            _ => throw new ConsoleStorageException($"{ProviderKey} '{value}' is not a storage provider: use Sqlite (the default) or Postgres."),
        };
    }
}
