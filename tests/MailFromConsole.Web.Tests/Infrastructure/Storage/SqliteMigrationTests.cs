namespace MailFromConsole.Web.Tests.Infrastructure.Storage;

public sealed class SqliteMigrationTests(SqliteStorageFixture fixture) : MigrationTests<SqliteStorageFixture>(fixture);
