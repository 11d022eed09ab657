using System.Collections.Concurrent;

namespace MailFromConsole.Web.Infrastructure.Cluster;

/// <summary>This instance's subscribers per topic, shared by both kinds of <see cref="IChangeNotifications"/>.</summary>
public sealed class ChangeSubscribers(ILogger<ChangeSubscribers> logger)
{
    private readonly ConcurrentDictionary<Subscription, string> _subscriptions = new();

    public IDisposable Add(string topic, Action<string> handler)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        ArgumentNullException.ThrowIfNull(handler);
        var subscription = new Subscription(this, handler);
        _subscriptions[subscription] = topic;
        return subscription;
    }

    public void Deliver(string topic, string payload)
    {
        foreach (var (subscription, subscribed) in _subscriptions)
        {
            if (subscribed != topic) continue;
            try
            {
                subscription.Handler(payload);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // One broken subscriber (a circuit going away) must not keep the others from hearing the change.
                logger.LogWarning(ex, "A subscriber of {Topic} failed", topic);
            }
        }
    }

    private sealed class Subscription(ChangeSubscribers owner, Action<string> handler) : IDisposable
    {
        public Action<string> Handler => handler;

        public void Dispose() => owner._subscriptions.TryRemove(this, out _);
    }
}
