using System.Collections.Immutable;
using MailFromConsole.Core.View;
using MailFromConsole.Web.Features.Audit;

namespace MailFromConsole.Web.Features.View;

/// <summary>
/// What the sweep noticed, told to people: changes made outside the console go to the audit log; drift (a working
/// identity getting worse) becomes an in-app notification and, when configured, a webhook POST.
/// </summary>
public sealed class DriftAlerts(IAuditLog audit, DriftWebhook webhook, IAccountViewStore store) : IDriftAlerts
{
    public const string OutsideUser = "(outside the console)";
    private const int Kept = 50;

    private ImmutableList<HistoryEntry> recent = [];

    /// <summary>Raised after new drift arrived; handlers must not block.</summary>
    public event Action? Changed;

    /// <summary>The latest drift, newest first.</summary>
    public IReadOnlyList<HistoryEntry> Recent => recent;

    /// <summary>The drift saved before a restart, so the notifications do not start empty.</summary>
    public async Task LoadSavedAsync(CancellationToken cancellationToken)
    {
        var saved = await store.RecentDriftAsync(Kept, cancellationToken);
        ImmutableInterlocked.Update(ref recent, list => list.AddRange(saved).Take(Kept).ToImmutableList());
        if (saved.Count > 0) Changed?.Invoke();
    }

    public async Task RaiseAsync(IReadOnlyList<HistoryEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var outside in entries.Where(e => e.Kind == HistoryKind.Outside))
        {
            await audit.RecordAsync(new AuditEntry
            {
                At = outside.At,
                User = OutsideUser,
                Region = outside.Region,
                Identity = outside.Identity,
                Action = AuditActions.ChangedOutsideTheConsole,
                After = outside.Text,
                Result = AuditResults.Success,
                Detail = "Noticed by the console's sweep of SES",
            }, cancellationToken);
        }
        var drift = entries.Where(e => e.IsDrift).ToList();
        if (drift.Count == 0) return;
        ImmutableInterlocked.Update(ref recent, list => list.InsertRange(0, drift.AsEnumerable().Reverse()).Take(Kept).ToImmutableList());
        Changed?.Invoke();
        foreach (var entry in drift) await webhook.PostAsync(entry, cancellationToken);
    }
}
