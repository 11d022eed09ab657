using MailFromConsole.Web.Tests.Infrastructure.Storage;

namespace MailFromConsole.Web.Tests.Features.View.Storage;

public sealed class PostgresViewStoreTests(PostgresStorageFixture fixture) : ViewStoreTests<PostgresStorageFixture>(fixture);
