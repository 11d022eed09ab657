using System.Security.Cryptography;
using MailFromConsole.Web.Infrastructure.Auth;
using MailFromConsole.Web.Infrastructure.Storage;
using MailFromConsole.Web.Infrastructure.Storage.Records;
using Microsoft.EntityFrameworkCore;

namespace MailFromConsole.Web.Features.Account;

/// <summary>
/// Users created in the console, in the console's database (shared by every instance on PostgreSQL). Each user has a
/// security stamp that changes with their rights, so sign-ins made before a change end (see <see cref="SignInValidator"/>).
/// </summary>
public sealed class LocalUserStore(ConsoleDatabase database, TimeProvider time)
{
    private const string UsersLock = "users";

    public sealed record StoredUser(string Name, ConsoleRole Role, string PasswordHash, DateTimeOffset CreatedAt, string CreatedBy, string SecurityStamp);

    public async Task<int> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await database.CreateDbContextAsync(cancellationToken);
        return await db.Set<UserRecord>().CountAsync(cancellationToken);
    }

    public async Task<StoredUser?> FindAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var db = await database.CreateDbContextAsync(cancellationToken);
        var key = Normalize(name);
        var record = await db.Set<UserRecord>().AsNoTracking().SingleOrDefaultAsync(u => u.NormalizedName == key, cancellationToken);
        return record is null ? null : Read(record);
    }

    public async Task<IReadOnlyList<StoredUser>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await database.CreateDbContextAsync(cancellationToken);
        var records = await db.Set<UserRecord>().AsNoTracking().OrderBy(u => u.NormalizedName).ToListAsync(cancellationToken);
        return records.Select(Read).ToList();
    }

    /// <summary>Adds a user; false when the name is taken.</summary>
    public Task<bool> AddAsync(string name, ConsoleRole role, string passwordHash, string createdBy, CancellationToken cancellationToken = default) =>
        database.WriteExclusivelyAsync(UsersLock, async db =>
        {
            var key = Normalize(name);
            if (await db.Set<UserRecord>().AnyAsync(u => u.NormalizedName == key, cancellationToken))
            {
                return false;
            }
            db.Add(NewRecord(name, role, passwordHash, createdBy));
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }, cancellationToken);

    /// <summary>Adds the first administrator only while there are no users, so two setup posts (on any instances) cannot both succeed.</summary>
    public Task<bool> AddFirstAdminAsync(string name, string passwordHash, CancellationToken cancellationToken = default) =>
        database.WriteExclusivelyAsync(UsersLock, async db =>
        {
            if (await db.Set<UserRecord>().AnyAsync(cancellationToken))
            {
                return false;
            }
            db.Add(NewRecord(name, ConsoleRole.Admin, passwordHash, "first-run setup"));
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }, cancellationToken);

    /// <summary>A new hash of the same password (a stronger hashing setting): the user's sign-ins stay valid.</summary>
    public Task<bool> RehashPasswordAsync(string name, string passwordHash, CancellationToken cancellationToken = default) =>
        UpdateAsync(name, user => user.PasswordHash = passwordHash, newStamp: false, cancellationToken);

    /// <summary>A new password ends the user's other sign-ins.</summary>
    public Task<bool> SetPasswordHashAsync(string name, string passwordHash, CancellationToken cancellationToken = default) =>
        UpdateAsync(name, user => user.PasswordHash = passwordHash, newStamp: true, cancellationToken);

    /// <summary>A new role ends the user's sign-ins made with the old one.</summary>
    public Task<bool> SetRoleAsync(string name, ConsoleRole role, CancellationToken cancellationToken = default) =>
        UpdateAsync(name, user => user.Role = role.ToString(), newStamp: true, cancellationToken);

    public async Task<bool> DeleteAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var db = await database.CreateDbContextAsync(cancellationToken);
        var key = Normalize(name);
        return await db.Set<UserRecord>().Where(u => u.NormalizedName == key).ExecuteDeleteAsync(cancellationToken) == 1;
    }

    private async Task<bool> UpdateAsync(string name, Action<UserRecord> change, bool newStamp, CancellationToken cancellationToken)
    {
        await using var db = await database.CreateDbContextAsync(cancellationToken);
        var key = Normalize(name);
        var user = await db.Set<UserRecord>().SingleOrDefaultAsync(u => u.NormalizedName == key, cancellationToken);
        if (user is null)
        {
            return false;
        }
        change(user);
        if (newStamp)
        {
            user.SecurityStamp = NewStamp();
        }
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private UserRecord NewRecord(string name, ConsoleRole role, string passwordHash, string createdBy) => new()
    {
        NormalizedName = Normalize(name),
        Name = name,
        Role = role.ToString(),
        PasswordHash = passwordHash,
        SecurityStamp = NewStamp(),
        CreatedAtMs = time.GetUtcNow().ToUnixTimeMilliseconds(),
        CreatedBy = createdBy,
    };

    private static string Normalize(string name) => name.ToUpperInvariant();

    private static string NewStamp() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private static StoredUser Read(UserRecord record)
    {
        if (!ConsoleRoles.TryParse(record.Role, out var role))
        {
            throw new InvalidDataException($"User '{record.Name}' in the console database has an unknown role '{record.Role}'.");
        }
        return new StoredUser(record.Name, role, record.PasswordHash, DateTimeOffset.FromUnixTimeMilliseconds(record.CreatedAtMs), record.CreatedBy, record.SecurityStamp);
    }
}
