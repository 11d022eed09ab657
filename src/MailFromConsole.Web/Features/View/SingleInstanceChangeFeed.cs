namespace MailFromConsole.Web.Features.View;

/// <summary>One console on its own database (the SQLite default) has no other instance to tell or hear.</summary>
internal sealed class SingleInstanceChangeFeed : IViewChangeFeed
{
    public void Publish(ViewChange change)
    {
        // Every page of this instance already heard it through AccountView.Changed.
    }

    public event Action<ViewChange>? Received
    {
        add { }
        remove { }
    }
}
