using MailFromConsole.Web.Tests.Infrastructure.Storage;

namespace MailFromConsole.Web.Tests.Infrastructure.Cluster;

public sealed class SqliteClusterTests(SqliteStorageFixture fixture) : ClusterTests<SqliteStorageFixture>(fixture);
