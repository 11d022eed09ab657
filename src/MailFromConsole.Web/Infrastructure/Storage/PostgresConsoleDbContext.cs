using Microsoft.EntityFrameworkCore;

namespace MailFromConsole.Web.Infrastructure.Storage;

/// <summary>The console's data in PostgreSQL; its migrations are in <c>Migrations/Postgres</c>.</summary>
public sealed class PostgresConsoleDbContext(DbContextOptions<PostgresConsoleDbContext> options) : ConsoleDbContext(options)
{
    // PostgreSQL text cannot hold NUL or unpaired surrogates; hostile input must be stored, not crash the write.
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<string>().HaveConversion<PostgresTextConverter>();
}
