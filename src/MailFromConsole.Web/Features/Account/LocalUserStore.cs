using MailFromConsole.Web.Infrastructure.Auth;
using MailFromConsole.Web.Infrastructure.Storage;
using Microsoft.Data.Sqlite;

namespace MailFromConsole.Web.Features.Account;

/// <summary>Users created in the console, in <c>users.db</c> in the data folder.</summary>
public sealed class LocalUserStore
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS users (
            name TEXT NOT NULL PRIMARY KEY COLLATE NOCASE,
            role TEXT NOT NULL,
            password_hash TEXT NOT NULL,
            created_at TEXT NOT NULL,
            created_by TEXT NOT NULL
        );
        """;

    private readonly SqliteDatabase _database;
    private readonly TimeProvider _time;

    public LocalUserStore(string dataFolder, TimeProvider time)
    {
        _database = new SqliteDatabase(Path.Combine(dataFolder, "users.db"), Schema);
        _time = time;
    }

    public sealed record StoredUser(string Name, ConsoleRole Role, string PasswordHash, DateTimeOffset CreatedAt, string CreatedBy);

    public async Task<int> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM users";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken));
    }

    public async Task<StoredUser?> FindAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name, role, password_hash, created_at, created_by FROM users WHERE name = $name";
        command.Parameters.AddWithValue("$name", name);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public async Task<IReadOnlyList<StoredUser>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name, role, password_hash, created_at, created_by FROM users ORDER BY name";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var users = new List<StoredUser>();
        while (await reader.ReadAsync(cancellationToken))
        {
            users.Add(Read(reader));
        }
        return users;
    }

    /// <summary>Adds a user; false when the name is taken.</summary>
    public async Task<bool> AddAsync(string name, ConsoleRole role, string passwordHash, string createdBy, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO users (name, role, password_hash, created_at, created_by)
            VALUES ($name, $role, $hash, $at, $by) ON CONFLICT(name) DO NOTHING
            """;
        AddUserParameters(command, name, role, passwordHash, createdBy);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Adds the first administrator only while the store is empty, so two setup posts cannot both succeed.</summary>
    public async Task<bool> AddFirstAdminAsync(string name, string passwordHash, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // One statement is atomic in SQLite: the insert happens only if the table is still empty.
        command.CommandText = """
            INSERT INTO users (name, role, password_hash, created_at, created_by)
            SELECT $name, $role, $hash, $at, $by WHERE NOT EXISTS (SELECT 1 FROM users)
            """;
        AddUserParameters(command, name, ConsoleRole.Admin, passwordHash, "first-run setup");
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<bool> SetPasswordHashAsync(string name, string passwordHash, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE users SET password_hash = $hash WHERE name = $name";
        command.Parameters.AddWithValue("$name", name);
        command.Parameters.AddWithValue("$hash", passwordHash);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<bool> SetRoleAsync(string name, ConsoleRole role, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE users SET role = $role WHERE name = $name";
        command.Parameters.AddWithValue("$name", name);
        command.Parameters.AddWithValue("$role", role.ToString());
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<bool> DeleteAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM users WHERE name = $name";
        command.Parameters.AddWithValue("$name", name);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private void AddUserParameters(SqliteCommand command, string name, ConsoleRole role, string passwordHash, string createdBy)
    {
        command.Parameters.AddWithValue("$name", name);
        command.Parameters.AddWithValue("$role", role.ToString());
        command.Parameters.AddWithValue("$hash", passwordHash);
        command.Parameters.AddWithValue("$at", _time.GetUtcNow().ToString("O"));
        command.Parameters.AddWithValue("$by", createdBy);
    }

    private static StoredUser Read(SqliteDataReader reader)
    {
        var roleText = reader.GetString(1);
        if (!ConsoleRoles.TryParse(roleText, out var role))
        {
            throw new InvalidDataException($"User '{reader.GetString(0)}' in users.db has an unknown role '{roleText}'.");
        }
        return new StoredUser(reader.GetString(0), role, reader.GetString(2), DateTimeOffset.Parse(reader.GetString(3), System.Globalization.CultureInfo.InvariantCulture), reader.GetString(4));
    }
}
