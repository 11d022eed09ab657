using MailFromConsole.Web.Features.Audit;
using MailFromConsole.Web.Tests.Infrastructure.Storage;

namespace MailFromConsole.Web.Tests.Features.Audit;

/// <summary>One real SQLite audit log in a temp folder for the whole table.</summary>
public sealed class HostileAuditLogFixture : IDisposable
{
    private readonly TempFolder folder = new();

    public HostileAuditLogFixture() => Log = new ConsoleAuditLog(TestDatabases.InFolder(folder.Path));

    public ConsoleAuditLog Log { get; }

    public void Dispose() => folder.Dispose();
}
