using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace MailFromConsole.Web.Infrastructure.Storage;

/// <summary>
/// The console's own data (users, sessions, audit log, data-protection keys, pending-since, and each feature's
/// tables). Provider-neutral: <see cref="SqliteConsoleDbContext"/> and <see cref="PostgresConsoleDbContext"/> exist
/// only so each provider has its own migrations. A feature adds a table by adding an
/// <see cref="IEntityTypeConfiguration{TEntity}"/> class anywhere in this assembly and a migration for both
/// providers (Infrastructure/Storage/README.md); it reads and writes it with <c>Set&lt;T&gt;()</c>.
/// </summary>
public abstract class ConsoleDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ConsoleDbContext).Assembly);
}
