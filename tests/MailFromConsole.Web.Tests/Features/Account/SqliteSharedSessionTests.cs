using MailFromConsole.Web.Tests.Infrastructure.Storage;

namespace MailFromConsole.Web.Tests.Features.Account;

public sealed class SqliteSharedSessionTests(SqliteStorageFixture fixture) : SharedSessionTests<SqliteStorageFixture>(fixture);
