namespace MailFromConsole.Web.Infrastructure.Cluster;

/// <summary>SQLite: one instance, so a change reaches its subscribers directly.</summary>
public sealed class InProcessChangeNotifications(ChangeSubscribers subscribers) : IChangeNotifications
{
    public Task PublishAsync(string topic, string payload, CancellationToken cancellationToken = default)
    {
        ChangeMessage.Check(topic, payload);
        subscribers.Deliver(topic, payload);
        return Task.CompletedTask;
    }

    public IDisposable Subscribe(string topic, Action<string> handler) => subscribers.Add(topic, handler);
}
