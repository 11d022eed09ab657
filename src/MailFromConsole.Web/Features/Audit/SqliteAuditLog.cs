using System.Runtime.CompilerServices;
using System.Text;
using MailFromConsole.Web.Infrastructure.Storage;
using Microsoft.Data.Sqlite;

namespace MailFromConsole.Web.Features.Audit;

/// <summary>The audit log in <c>audit.db</c> (SQLite, WAL); entries are only ever added.</summary>
public sealed class SqliteAuditLog : IAuditLog
{
    /// <summary>Longer values are cut, so a hostile value cannot bloat the log; the cut is marked.</summary>
    public const int MaximumValueLength = 8000;

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS audit (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at_ms INTEGER NOT NULL,
            user TEXT NOT NULL,
            region TEXT NOT NULL,
            identity TEXT NOT NULL,
            action TEXT NOT NULL,
            before TEXT NULL,
            after TEXT NULL,
            change_id TEXT NULL,
            result TEXT NOT NULL,
            detail TEXT NULL
        );
        CREATE INDEX IF NOT EXISTS audit_at ON audit (at_ms DESC, id DESC);
        CREATE INDEX IF NOT EXISTS audit_user ON audit (user COLLATE NOCASE, at_ms DESC);
        CREATE INDEX IF NOT EXISTS audit_identity ON audit (identity COLLATE NOCASE, at_ms DESC);
        """;

    private const string Columns = "id, at_ms, user, region, identity, action, before, after, change_id, result, detail";

    private readonly SqliteDatabase _database;

    public SqliteAuditLog(string dataFolder)
    {
        _database = new SqliteDatabase(Path.Combine(dataFolder, "audit.db"), Schema);
    }

    public async Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO audit (at_ms, user, region, identity, action, before, after, change_id, result, detail)
            VALUES ($at, $user, $region, $identity, $action, $before, $after, $change, $result, $detail)
            """;
        command.Parameters.AddWithValue("$at", entry.At.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$user", Cut(entry.User) ?? "");
        command.Parameters.AddWithValue("$region", Cut(entry.Region) ?? "");
        command.Parameters.AddWithValue("$identity", Cut(entry.Identity) ?? "");
        command.Parameters.AddWithValue("$action", Cut(entry.Action) ?? "");
        command.Parameters.AddWithValue("$before", (object?)Cut(entry.Before) ?? DBNull.Value);
        command.Parameters.AddWithValue("$after", (object?)Cut(entry.After) ?? DBNull.Value);
        command.Parameters.AddWithValue("$change", (object?)Cut(entry.ChangeId) ?? DBNull.Value);
        command.Parameters.AddWithValue("$result", Cut(entry.Result) ?? "");
        command.Parameters.AddWithValue("$detail", (object?)Cut(entry.Detail) ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = await _database.OpenAsync(cancellationToken);

        await using var count = connection.CreateCommand();
        var where = Where(count, query);
        count.CommandText = $"SELECT COUNT(*) FROM audit {where}";
        var total = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken));

        await using var select = connection.CreateCommand();
        where = Where(select, query);
        select.CommandText = $"SELECT {Columns} FROM audit {where} ORDER BY at_ms DESC, id DESC LIMIT $take OFFSET $skip";
        select.Parameters.AddWithValue("$take", Math.Clamp(query.Take, 1, AuditQuery.MaximumPageSize));
        select.Parameters.AddWithValue("$skip", Math.Max(0, query.Skip));
        var entries = new List<AuditEntry>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(Read(reader));
        }
        return new AuditPage(entries, total);
    }

    public async IAsyncEnumerable<AuditEntry> ExportAsync(AuditQuery filter, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var select = connection.CreateCommand();
        var where = Where(select, filter);
        select.CommandText = $"SELECT {Columns} FROM audit {where} ORDER BY at_ms DESC, id DESC";
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return Read(reader);
        }
    }

    /// <summary>Builds the WHERE clause from fixed SQL fragments; every value goes in as a parameter.</summary>
    private static string Where(SqliteCommand command, AuditQuery query)
    {
        var conditions = new List<string>();
        if (!string.IsNullOrWhiteSpace(query.User))
        {
            conditions.Add("user = $user COLLATE NOCASE");
            command.Parameters.AddWithValue("$user", query.User.Trim());
        }
        if (!string.IsNullOrWhiteSpace(query.Region))
        {
            conditions.Add("region = $region COLLATE NOCASE");
            command.Parameters.AddWithValue("$region", query.Region.Trim());
        }
        if (!string.IsNullOrWhiteSpace(query.Action))
        {
            conditions.Add("action = $action COLLATE NOCASE");
            command.Parameters.AddWithValue("$action", query.Action.Trim());
        }
        if (!string.IsNullOrWhiteSpace(query.Identity))
        {
            conditions.Add("identity LIKE $identity ESCAPE '\\'");
            command.Parameters.AddWithValue("$identity", "%" + EscapeLike(query.Identity.Trim()) + "%");
        }
        if (query.Succeeded is { } succeeded)
        {
            conditions.Add(succeeded ? "result = $success" : "result <> $success");
            command.Parameters.AddWithValue("$success", AuditResults.Success);
        }
        if (query.From is { } from)
        {
            conditions.Add("at_ms >= $from");
            command.Parameters.AddWithValue("$from", from.ToUnixTimeMilliseconds());
        }
        if (query.To is { } to)
        {
            conditions.Add("at_ms < $to");
            command.Parameters.AddWithValue("$to", to.ToUnixTimeMilliseconds());
        }
        return conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", conditions);
    }

    private static string EscapeLike(string value)
    {
        var escaped = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is '%' or '_' or '\\')
            {
                escaped.Append('\\');
            }
            escaped.Append(c);
        }
        return escaped.ToString();
    }

    private static string? Cut(string? value) =>
        value is { Length: > MaximumValueLength } ? string.Concat(value.AsSpan(0, MaximumValueLength - 1), "…") : value;

    private static AuditEntry Read(SqliteDataReader reader) => new()
    {
        Id = reader.GetInt64(0),
        At = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)),
        User = reader.GetString(2),
        Region = reader.GetString(3),
        Identity = reader.GetString(4),
        Action = reader.GetString(5),
        Before = reader.IsDBNull(6) ? null : reader.GetString(6),
        After = reader.IsDBNull(7) ? null : reader.GetString(7),
        ChangeId = reader.IsDBNull(8) ? null : reader.GetString(8),
        Result = reader.GetString(9),
        Detail = reader.IsDBNull(10) ? null : reader.GetString(10),
    };
}
