using MailFromConsole.Web.Infrastructure.Storage.Records;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace MailFromConsole.Web.Infrastructure.Storage;

/// <summary>
/// Earlier versions kept users in <c>users.db</c>, the audit log in <c>audit.db</c> and the data-protection keys in
/// <c>keys/</c> of the data folder. At start-up, once, they are copied into the console's database (users whose name
/// exists there are kept as they are) and renamed <c>*.imported</c>, so an upgrade keeps its administrator, its log
/// and its sign-ins. Users get a fresh security stamp: sign-ins from before the upgrade sign in again.
/// </summary>
public sealed class LegacyFilesImport(ConsoleDatabase database, IConfiguration configuration, ILogger<LegacyFilesImport> logger) : IHostedLifecycleService
{
    public const string ImportedSuffix = ".imported";

    public Task StartingAsync(CancellationToken cancellationToken) => ImportAsync(ConsoleDataFolder.Resolve(configuration), cancellationToken);

    public async Task ImportAsync(string dataFolder, CancellationToken cancellationToken)
    {
        var users = Path.Combine(dataFolder, "users.db");
        var audit = Path.Combine(dataFolder, "audit.db");
        var keys = Path.Combine(dataFolder, "keys");
        if (!File.Exists(users) && !File.Exists(audit) && !Directory.Exists(keys))
        {
            return;
        }
        await database.EnsureReadyAsync(cancellationToken);
        var (userCount, auditCount, keyCount) = await database.WriteExclusivelyAsync("legacy-import", async db =>
        {
            var u = File.Exists(users) ? await ImportUsersAsync(db, users, cancellationToken) : 0;
            var a = File.Exists(audit) ? await ImportAuditAsync(db, audit, cancellationToken) : 0;
            var k = Directory.Exists(keys) ? await ImportKeysAsync(db, keys, cancellationToken) : 0;
            await db.SaveChangesAsync(cancellationToken);
            return (u, a, k);
        }, cancellationToken);
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { users, audit })
        {
            if (File.Exists(file)) File.Move(file, file + ImportedSuffix, overwrite: true);
            foreach (var sidecar in new[] { file + "-wal", file + "-shm" })
            {
                if (File.Exists(sidecar)) File.Delete(sidecar);
            }
        }
        if (Directory.Exists(keys))
        {
            if (Directory.Exists(keys + ImportedSuffix)) Directory.Delete(keys + ImportedSuffix, recursive: true);
            Directory.Move(keys, keys + ImportedSuffix);
        }
        logger.LogInformation(
            "Imported {Users} user(s), {Audit} audit entries and {Keys} data-protection key(s) of an earlier version from {Folder} into {Database}; the old files are renamed *{Suffix}",
            userCount, auditCount, keyCount, dataFolder, database.Storage.Description, ImportedSuffix);
    }

    private static async Task<int> ImportUsersAsync(ConsoleDbContext db, string file, CancellationToken cancellationToken)
    {
        var existing = (await db.Set<UserRecord>().Select(u => u.NormalizedName).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var added = 0;
        await using var connection = await OpenAsync(file, cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name, role, password_hash, created_at, created_by FROM users";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var name = reader.GetString(0);
            if (!existing.Add(name.ToUpperInvariant())) continue;
            db.Add(new UserRecord
            {
                NormalizedName = name.ToUpperInvariant(),
                Name = name,
                Role = reader.GetString(1),
                PasswordHash = reader.GetString(2),
                SecurityStamp = Guid.NewGuid().ToString("N"),
                CreatedAtMs = DateTimeOffset.TryParse(reader.GetString(3), System.Globalization.CultureInfo.InvariantCulture, out var at) ? at.ToUnixTimeMilliseconds() : 0,
                CreatedBy = reader.GetString(4),
            });
            added++;
        }
        return added;
    }

    private static async Task<int> ImportAuditAsync(ConsoleDbContext db, string file, CancellationToken cancellationToken)
    {
        var added = 0;
        await using var connection = await OpenAsync(file, cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT at_ms, user, region, identity, action, before, after, change_id, result, detail FROM audit ORDER BY id";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            db.Add(new AuditRecord
            {
                AtMs = reader.GetInt64(0),
                User = reader.GetString(1),
                Region = reader.GetString(2),
                Identity = reader.GetString(3),
                Action = reader.GetString(4),
                Before = reader.IsDBNull(5) ? null : reader.GetString(5),
                After = reader.IsDBNull(6) ? null : reader.GetString(6),
                ChangeId = reader.IsDBNull(7) ? null : reader.GetString(7),
                Result = reader.GetString(8),
                Detail = reader.IsDBNull(9) ? null : reader.GetString(9),
            });
            added++;
        }
        return added;
    }

    private static async Task<int> ImportKeysAsync(ConsoleDbContext db, string folder, CancellationToken cancellationToken)
    {
        var existing = (await db.DataProtectionKeys.Select(k => k.FriendlyName).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var added = 0;
        foreach (var file in Directory.EnumerateFiles(folder, "*.xml"))
        {
            // The file system repository names a key's file after the key; the EF repository keeps that as FriendlyName.
            var name = Path.GetFileNameWithoutExtension(file);
            if (!existing.Add(name)) continue;
            db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = name, Xml = await File.ReadAllTextAsync(file, cancellationToken) });
            added++;
        }
        return added;
    }

    private static async Task<SqliteConnection> OpenAsync(string file, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
