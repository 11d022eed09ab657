using Microsoft.EntityFrameworkCore;

namespace MailFromConsole.Web.Infrastructure.Storage;

/// <summary>The console's data in SQLite; its migrations are in <c>Migrations/Sqlite</c>.</summary>
public sealed class SqliteConsoleDbContext(DbContextOptions<SqliteConsoleDbContext> options) : ConsoleDbContext(options);
