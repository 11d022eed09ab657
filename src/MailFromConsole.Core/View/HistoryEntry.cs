namespace MailFromConsole.Core.View;

/// <param name="IsDrift">A change for the worse of an identity that was working: flagged on the dashboard and notified.</param>
public sealed record HistoryEntry(string Region, string Identity, DateTimeOffset At, HistoryKind Kind, string Text, bool IsDrift);
