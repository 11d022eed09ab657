namespace MailFromConsole.Web.Infrastructure.Cluster;

/// <summary>
/// Tells every console instance that something changed, so open pages everywhere can re-read it: PostgreSQL
/// LISTEN/NOTIFY when several instances share a database (delivered within milliseconds), in-process on SQLite.
/// A topic names what changed (e.g. <c>account-view</c>), the payload which part (e.g. <c>us-east-1|example.com</c>);
/// the data itself stays in the database. Delivery is best effort: a message published while an instance's
/// listening connection is down is not replayed, so readers also re-read on their own schedule.
/// </summary>
public interface IChangeNotifications
{
    /// <summary>The longest payload PostgreSQL's NOTIFY carries (8000 bytes) less room for the topic.</summary>
    const int MaximumPayloadLength = 7000;

    /// <summary>Delivers <paramref name="payload"/> to the subscribers of <paramref name="topic"/> on every instance, this one included.</summary>
    Task PublishAsync(string topic, string payload, CancellationToken cancellationToken = default);

    /// <summary>
    /// Calls <paramref name="handler"/> for each payload published on <paramref name="topic"/>, on a background thread
    /// (a component hands it to <c>InvokeAsync</c>). Keep it short; dispose the result to stop.
    /// </summary>
    IDisposable Subscribe(string topic, Action<string> handler);
}
