using MailFromConsole.Web.Tests.Infrastructure.Storage;

namespace MailFromConsole.Web.Tests.Features.Account;

public sealed class PostgresSharedSessionTests(PostgresStorageFixture fixture) : SharedSessionTests<PostgresStorageFixture>(fixture);
