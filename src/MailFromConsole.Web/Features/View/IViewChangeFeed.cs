namespace MailFromConsole.Web.Features.View;

/// <summary>
/// Tells other console instances which identities changed, and hears theirs (PostgreSQL LISTEN/NOTIFY when several
/// instances share a database; nothing to tell with the single-instance SQLite default).
/// </summary>
public interface IViewChangeFeed
{
    void Publish(ViewChange change);

    event Action<ViewChange>? Received;
}
