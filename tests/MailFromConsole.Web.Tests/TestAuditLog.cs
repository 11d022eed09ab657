using MailFromConsole.Web.Features.Audit;
using MailFromConsole.Web.Tests.Infrastructure.Storage;
using Microsoft.Data.Sqlite;

namespace MailFromConsole.Web.Tests;

/// <summary>
/// The console's real audit log (SQLite, the default) in a temp folder of its own, opened on the first use (most tests never write
/// one) and removed when the test's services are disposed.
/// </summary>
public sealed class TestAuditLog : IAuditLog, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "mfc-audit-" + Guid.NewGuid().ToString("N"));
    private readonly Lazy<ConsoleAuditLog> _log;

    public TestAuditLog() => _log = new Lazy<ConsoleAuditLog>(() => new ConsoleAuditLog(TestDatabases.InFolder(_folder)));

    public Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken = default) => _log.Value.RecordAsync(entry, cancellationToken);

    public Task<long> StartAsync(AuditEntry intent, CancellationToken cancellationToken = default) => _log.Value.StartAsync(intent, cancellationToken);

    public Task CompleteAsync(AuditEntry outcome, CancellationToken cancellationToken = default) => _log.Value.CompleteAsync(outcome, cancellationToken);

    public Task<IReadOnlyList<AuditEntry>> OpenAsync(DateTimeOffset startedBefore, CancellationToken cancellationToken = default) => _log.Value.OpenAsync(startedBefore, cancellationToken);

    public Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default) => _log.Value.QueryAsync(query, cancellationToken);

    public IAsyncEnumerable<AuditEntry> ExportAsync(AuditQuery filter, CancellationToken cancellationToken = default) => _log.Value.ExportAsync(filter, cancellationToken);

    /// <summary>Every entry, oldest first, as the audit page would read them back.</summary>
    public async Task<IReadOnlyList<AuditEntry>> EntriesAsync()
    {
        if (!_log.IsValueCreated) return [];
        var all = new List<AuditEntry>();
        await foreach (var entry in _log.Value.ExportAsync(new AuditQuery())) all.Add(entry);
        all.Reverse();
        return all;
    }

    public void Dispose()
    {
        // The container disposes it once per registration that hands it out.
        if (!_log.IsValueCreated || !Directory.Exists(_folder)) return;
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
