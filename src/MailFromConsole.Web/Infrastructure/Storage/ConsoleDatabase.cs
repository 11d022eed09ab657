using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace MailFromConsole.Web.Infrastructure.Storage;

/// <summary>
/// The console's database: makes contexts for the configured provider and brings the schema up to date once per
/// process, before the first context is handed out (and at start-up, see <see cref="StorageStartup"/>).
/// Inject <see cref="IDbContextFactory{ConsoleDbContext}"/> (singletons, Blazor circuits) and use one short-lived
/// context per unit of work.
/// </summary>
public sealed class ConsoleDatabase : IDbContextFactory<ConsoleDbContext>
{
    private readonly DbContextOptions _options;
    private readonly SemaphoreSlim _migration = new(1, 1);
    private volatile bool _ready;

    public ConsoleDatabase(StorageOptions storage, ILoggerFactory? loggerFactory = null)
    {
        Storage = storage;
        _options = storage.IsPostgres
            ? Configure(new DbContextOptionsBuilder<PostgresConsoleDbContext>(), storage, loggerFactory).Options
            : Configure(new DbContextOptionsBuilder<SqliteConsoleDbContext>(), storage, loggerFactory).Options;
    }

    public StorageOptions Storage { get; }

    public ConsoleDbContext CreateDbContext()
    {
        if (!_ready)
        {
            // Only the first use in a process that did not start through the host (tools, tests) waits here.
            EnsureReadyAsync(CancellationToken.None).GetAwaiter().GetResult();
        }
        return NewContext();
    }

    public async Task<ConsoleDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default)
    {
        await EnsureReadyAsync(cancellationToken);
        return NewContext();
    }

    /// <summary>
    /// Applies the migrations this version knows (idempotent; EF serialises concurrent starts with a lock). Refuses a
    /// database that a newer version has migrated further: its schema may not be what this code reads and writes.
    /// </summary>
    public async Task EnsureReadyAsync(CancellationToken cancellationToken)
    {
        if (_ready)
        {
            return;
        }
        await _migration.WaitAsync(cancellationToken);
        try
        {
            if (_ready)
            {
                return;
            }
            await using var context = NewContext();
            if (!Storage.IsPostgres)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(Storage.ConnectionString).DataSource)!);
                // WAL lets readers (the audit page) go on while a change is recorded; the mode is kept in the file.
                await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
            var known = context.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
            var unknown = (await context.Database.GetAppliedMigrationsAsync(cancellationToken)).Where(m => !known.Contains(m)).ToList();
            if (unknown.Count > 0)
            {
                throw new ConsoleStorageException(
                    $"The console database ({Storage.Description}) has been upgraded by a newer version of MailFromConsole: " +
                    $"it holds migration(s) {string.Join(", ", unknown)} that this version does not know. Run the newer version, " +
                    "or restore the database from a backup taken before the upgrade.");
            }
            if (Storage.IsPostgres)
            {
                // EF's migration lock is taken per migration: two instances that both found a migration missing would
                // both apply it. One session-level advisory lock around the whole run lets the second see it applied.
                await context.Database.OpenConnectionAsync(cancellationToken);
                await context.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({AdvisoryLockKeys.For("migrations")})", cancellationToken);
                try
                {
                    await context.Database.MigrateAsync(cancellationToken);
                }
                finally
                {
                    await context.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({AdvisoryLockKeys.For("migrations")})", CancellationToken.None);
                }
            }
            else
            {
                await context.Database.MigrateAsync(cancellationToken);
            }
            _ready = true;
        }
        finally
        {
            _migration.Release();
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> in a transaction that no other writer of the same <paramref name="lockName"/> runs
    /// beside, on any instance: read-check-write steps (first administrator, last admin) stay correct. SQLite: an
    /// immediate transaction (one writer per file); PostgreSQL: a transaction-scoped advisory lock.
    /// </summary>
    public async Task<T> WriteExclusivelyAsync<T>(string lockName, Func<ConsoleDbContext, Task<T>> work, CancellationToken cancellationToken = default)
    {
        await using var context = await CreateDbContextAsync(cancellationToken);
        await using IDbContextTransaction transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        if (Storage.IsPostgres)
        {
            await context.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AdvisoryLockKeys.For(lockName)})", cancellationToken);
        }
        var result = await work(context);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    private ConsoleDbContext NewContext() => Storage.IsPostgres
        ? new PostgresConsoleDbContext((DbContextOptions<PostgresConsoleDbContext>)_options)
        : new SqliteConsoleDbContext((DbContextOptions<SqliteConsoleDbContext>)_options);

    private static DbContextOptionsBuilder<T> Configure<T>(DbContextOptionsBuilder<T> builder, StorageOptions storage, ILoggerFactory? loggerFactory)
        where T : DbContext
    {
        if (storage.IsPostgres)
        {
            builder.UseNpgsql(storage.ConnectionString);
        }
        else
        {
            builder.UseSqlite(storage.ConnectionString);
        }
        if (loggerFactory is not null)
        {
            builder.UseLoggerFactory(loggerFactory);
        }
        // The sweeper writes every second: its SQL, multi-line, at Information drowned the console's own log lines.
        builder.ConfigureWarnings(w => w.Log((RelationalEventId.CommandExecuted, LogLevel.Debug)));
        return builder;
    }
}
