using System.Collections.Concurrent;

namespace MailFromConsole.Web.Infrastructure.Auth;

/// <summary>
/// Sign-ins that were signed out, so a copied cookie or another open tab's circuit stops working too.
/// Kept in memory for the session lifetime; a restart forgets them (cookies then still expire on their own).
/// </summary>
public sealed class SignedOutSessions(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _ended = new(StringComparer.Ordinal);

    public void End(string? sessionId, TimeSpan remember)
    {
        if (string.IsNullOrEmpty(sessionId))
        {
            return;
        }
        var now = time.GetUtcNow();
        _ended[sessionId] = now + remember;
        foreach (var (id, until) in _ended)
        {
            if (until < now)
            {
                _ended.TryRemove(id, out _);
            }
        }
    }

    public bool HasEnded(string? sessionId) => sessionId is not null && _ended.ContainsKey(sessionId);
}
