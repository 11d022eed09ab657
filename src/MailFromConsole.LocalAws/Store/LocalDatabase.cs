using Microsoft.Data.Sqlite;

namespace MailFromConsole.LocalAws.Store;

/// <summary>The local AWS's SQLite file under the data folder, with the SES and Route 53 tables.</summary>
internal sealed class LocalDatabase(string dataFolder) : SqliteFile(Path.Combine(dataFolder, "local-aws.db"))
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
    ];

    /// <summary>Creates the schema and adds missing columns; true when the database was new (never seeded before).</summary>
    public bool Initialise()
    {
        CreateSchema(Schema);
        AddMissingColumns();
        return Write((c, t) =>
        {
            using var command = Command(c, t, "INSERT OR IGNORE INTO meta(key, value) VALUES ('created', '1')");
            return command.ExecuteNonQuery() == 1;
        });
    }

    // Idempotent: the columns are looked up inside the immediate transaction, so two servers starting on the same
    // file at once add each column once.
    private void AddMissingColumns() => Write((c, t) =>
    {
        foreach (var table in AddedColumns.GroupBy(a => a.Table))
        {
            var existing = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            using (var info = Command(c, t, $"SELECT name FROM pragma_table_info('{table.Key}')"))
            using (var reader = info.ExecuteReader())
            {
                while (reader.Read())
                {
                    existing.Add(reader.GetString(0));
                }
            }

            foreach (var (_, column, definition) in table.Where(a => !existing.Contains(a.Column)))
            {
                Execute(c, t, $"ALTER TABLE {table.Key} ADD COLUMN {column} {definition}");
            }
        }

        return 0;
    });
}
