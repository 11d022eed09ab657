using Microsoft.Data.Sqlite;

namespace MailFromConsole.LocalAws.Store;

/// <summary>The local AWS's SQLite file under the data folder, with the SES and Route 53 tables.</summary>
internal sealed class LocalDatabase(string dataFolder) : SqliteFile(Path.Combine(dataFolder, "local-aws.db"))
{
    // The tables that keep an account's data: created by Schema in a new file, and by the partitioning of an
    // earlier file, whose tables lacked the account.
    private const string IdentitiesTable = """
        CREATE TABLE IF NOT EXISTS identities(
            account TEXT NOT NULL,
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
            PRIMARY KEY(account, region, identity));
        """;

    // seq is the creation order: of several public zones with one name, the DNS view serves the first created.
    // Caller references are unique per account, as in Route 53; zone ids across all accounts.
    private const string HostedZonesTable = """
        CREATE TABLE IF NOT EXISTS hosted_zones(
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            account TEXT NOT NULL,
            name TEXT NOT NULL,
            caller_reference TEXT NOT NULL,
            comment TEXT,
            private INTEGER NOT NULL,
            UNIQUE(account, caller_reference));
        """;

    private const string Schema = IdentitiesTable + HostedZonesTable + """
        CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS record_sets(
            zone_id TEXT NOT NULL,
            name TEXT NOT NULL,
            type TEXT NOT NULL,
            ttl INTEGER NOT NULL,
            record_values TEXT NOT NULL,
            PRIMARY KEY(zone_id, name, type));
        CREATE TABLE IF NOT EXISTS zone_tags(
            zone_id TEXT NOT NULL,
            key TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY(zone_id, key));
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

    // After the partitioning: an earlier file's index went with its old identities table.
    private const string Indexes = """
        CREATE INDEX IF NOT EXISTS identities_token ON identities(verification_token);
        CREATE INDEX IF NOT EXISTS hosted_zones_name ON hosted_zones(name, seq);
        """;

    /// <summary>
    /// Columns added after the first release. A database written by an earlier version lacks them; a new one gets
    /// them the same way, so each column is defined once, here.
    /// </summary>
    private static readonly (string Table, string Column, string Definition)[] AddedColumns =
    [
        ("identities", "dkim_tokens", "TEXT"),
        ("identities", "dkim_enabled", "INTEGER NOT NULL DEFAULT 0"),
        ("identities", "dkim_status", "TEXT NOT NULL DEFAULT 'NotStarted'"),
        ("identities", "dkim_started_at", "INTEGER"),
        ("identities", "tags", "TEXT NOT NULL DEFAULT '[]'"),
        // The changes of an earlier (single-account) file were the default account's.
        ("changes", "account", $"TEXT NOT NULL DEFAULT '{LocalAwsOptions.DefaultAccountId}'"),
    ];

    /// <summary>Tables that gained the account in their key: an earlier file's rows move to the default account.</summary>
    private static readonly (string Table, string Definition)[] PartitionedTables =
    [
        ("identities", IdentitiesTable),
        ("hosted_zones", HostedZonesTable),
    ];

    /// <summary>Creates the schema and migrates an earlier file in place; true when the database was new (never seeded before).</summary>
    public bool Initialise()
    {
        CreateSchema(Schema);
        // Idempotent: the columns are looked up inside one immediate transaction, so two servers starting on the
        // same file at once migrate it once.
        return Write((c, t) =>
        {
            AddMissingColumns(c, t);
            foreach (var (table, definition) in PartitionedTables)
            {
                PartitionByAccount(c, t, table, definition);
            }

            Execute(c, t, Indexes);
            using var command = Command(c, t, "INSERT OR IGNORE INTO meta(key, value) VALUES ('created', '1')");
            return command.ExecuteNonQuery() == 1;
        });
    }

    private static void AddMissingColumns(SqliteConnection c, SqliteTransaction t)
    {
        foreach (var table in AddedColumns.GroupBy(a => a.Table))
        {
            var existing = ColumnsOf(c, t, table.Key);
            foreach (var (_, column, definition) in table.Where(a => !existing.Contains(a.Column, StringComparer.OrdinalIgnoreCase)))
            {
                Execute(c, t, $"ALTER TABLE {table.Key} ADD COLUMN {column} {definition}");
            }
        }
    }

    /// <summary>
    /// Rebuilds a table of an earlier file that lacks the account (SQLite cannot change a key in place): the new
    /// table takes every row, in the old insertion order, in the default account.
    /// </summary>
    private static void PartitionByAccount(SqliteConnection c, SqliteTransaction t, string table, string definition)
    {
        if (ColumnsOf(c, t, table).Contains("account", StringComparer.OrdinalIgnoreCase))
        {
            return;
        }

        var earlier = table + "_single_account";
        Execute(c, t, $"ALTER TABLE {table} RENAME TO {earlier}");
        Execute(c, t, definition);
        AddMissingColumns(c, t);
        var columns = string.Join(", ", ColumnsOf(c, t, earlier));
        Execute(c, t, $"INSERT INTO {table}(account, {columns}) SELECT $account, {columns} FROM {earlier} ORDER BY rowid",
            ("$account", LocalAwsOptions.DefaultAccountId));
        Execute(c, t, $"DROP TABLE {earlier}");
    }

    private static List<string> ColumnsOf(SqliteConnection c, SqliteTransaction t, string table)
    {
        using var info = Command(c, t, $"SELECT name FROM pragma_table_info('{table}')");
        using var reader = info.ExecuteReader();
        var columns = new List<string>();
        while (reader.Read())
        {
            columns.Add(reader.GetString(0));
        }

        return columns;
    }
}
