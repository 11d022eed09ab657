using MailFromConsole.Web.Tests.Infrastructure.Storage;

namespace MailFromConsole.Web.Tests.Features.View.Storage;

public sealed class SqliteViewStoreTests(SqliteStorageFixture fixture) : ViewStoreTests<SqliteStorageFixture>(fixture);
