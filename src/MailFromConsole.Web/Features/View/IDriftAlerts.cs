using MailFromConsole.Core.View;

namespace MailFromConsole.Web.Features.View;

/// <summary>The in-app drift notifications, as the app bar shows them.</summary>
public interface IDriftAlerts
{
    /// <summary>Raised after new drift arrived; handlers must not block.</summary>
    event Action? Changed;

    /// <summary>The latest drift, newest first.</summary>
    IReadOnlyList<HistoryEntry> Recent { get; }
}
