using Microsoft.Data.Sqlite;

namespace MailFromConsole.LocalAws.Store;

/// <summary>
/// The SQLite file under the data folder. Every call opens a pooled connection; writes run in one
/// <c>BEGIN IMMEDIATE</c> transaction with no awaits inside, so concurrent requests never lose an update.
/// </summary>
internal sealed class LocalDatabase
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS identities(
            region TEXT NOT NULL,
            identity TEXT NOT NULL,
            kind TEXT NOT NULL,
            verification_status TEXT NOT NULL,
            verification_token TEXT NOT NULL,
            verification_started_at INTEGER NOT NULL,
            mail_from_domain TEXT,
            behavior TEXT NOT NULL,
            mail_from_status TEXT,
            mail_from_started_at INTEGER,
            forwarding_enabled INTEGER NOT NULL,
            bounce_topic TEXT,
            complaint_topic TEXT,
            delivery_topic TEXT,
            PRIMARY KEY(region, identity));
        CREATE INDEX IF NOT EXISTS identities_token ON identities(verification_token);
        CREATE TABLE IF NOT EXISTS hosted_zones(
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            caller_reference TEXT NOT NULL UNIQUE,
            comment TEXT,
            private INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS record_sets(
            zone_id TEXT NOT NULL,
            name TEXT NOT NULL,
            type TEXT NOT NULL,
            ttl INTEGER NOT NULL,
            record_values TEXT NOT NULL,
            PRIMARY KEY(zone_id, name, type));
        CREATE TABLE IF NOT EXISTS changes(
            id TEXT PRIMARY KEY,
            submitted_at INTEGER NOT NULL,
            comment TEXT);
        CREATE TABLE IF NOT EXISTS mailbox(
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            region TEXT NOT NULL,
            kind TEXT NOT NULL,
            message_id TEXT NOT NULL,
            source TEXT NOT NULL,
            recipients TEXT NOT NULL,
            subject TEXT NOT NULL,
            body TEXT NOT NULL,
            return_path TEXT NOT NULL,
            verify_token TEXT,
            sent_at INTEGER NOT NULL);
        """;

    private readonly string _connectionString;

    public LocalDatabase(string dataFolder)
    {
        Directory.CreateDirectory(dataFolder);
        FilePath = Path.Combine(dataFolder, "local-aws.db");
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string FilePath { get; }

    /// <summary>Creates the schema; true when the database was new (never seeded before).</summary>
    public bool Initialise()
    {
        using var connection = Open();
        Execute(connection, null, "PRAGMA journal_mode=WAL;");
        Execute(connection, null, Schema);
        return Write((c, t) =>
        {
            using var command = Command(c, t, "INSERT OR IGNORE INTO meta(key, value) VALUES ('created', '1')");
            return command.ExecuteNonQuery() == 1;
        });
    }

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Execute(connection, null, "PRAGMA busy_timeout=5000;");
        return connection;
    }

    /// <summary>Runs a read-modify-write in one immediate transaction; an exception rolls everything back.</summary>
    public T Write<T>(Func<SqliteConnection, SqliteTransaction, T> work)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction(deferred: false);
        var result = work(connection, transaction);
        transaction.Commit();
        return result;
    }

    /// <summary>Closes this database's idle pooled connections so the folder can be reused or deleted.</summary>
    public void ClearPool()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    public T Read<T>(Func<SqliteConnection, T> work)
    {
        using var connection = Open();
        return work(connection);
    }

    public static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    public static int Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        return command.ExecuteNonQuery();
    }
}
