namespace MailFromConsole.Web.Tests.Infrastructure.Storage;

public sealed class PostgresMigrationTests(PostgresStorageFixture fixture) : MigrationTests<PostgresStorageFixture>(fixture);
