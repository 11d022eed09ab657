using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace MailFromConsole.Web.Infrastructure.Storage;

/// <summary>For <c>dotnet ef migrations add … --context PostgresConsoleDbContext</c>: no database is opened.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresConsoleDbContext>
{
    public PostgresConsoleDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresConsoleDbContext>().UseNpgsql("Host=127.0.0.1;Database=design_time").Options);
}
