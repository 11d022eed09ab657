namespace MailFromConsole.Web.Infrastructure.Cluster;

/// <summary>How a topic and its payload travel in one NOTIFY payload: <c>topic</c>, a line feed, the payload.</summary>
public static class ChangeMessage
{
    public static void Check(string topic, string payload)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        ArgumentNullException.ThrowIfNull(payload);
        if (topic.Contains('\n') || topic.Length > 100)
        {
            throw new ArgumentException("A topic is one short line.", nameof(topic));
        }
        if (payload.Length > IChangeNotifications.MaximumPayloadLength || payload.Contains('\0'))
        {
            throw new ArgumentException($"A change payload names what changed in at most {IChangeNotifications.MaximumPayloadLength} characters (no NUL); the data stays in the database.", nameof(payload));
        }
    }

    public static string Join(string topic, string payload) => topic + "\n" + payload;

    public static bool TrySplit(string message, out string topic, out string payload)
    {
        var split = message.IndexOf('\n');
        topic = split < 0 ? "" : message[..split];
        payload = split < 0 ? "" : message[(split + 1)..];
        return split > 0;
    }
}
