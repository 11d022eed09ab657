namespace MailFromConsole.Web.Features.View;

/// <summary>
/// One per circuit: components subscribe to the view's changes that matter to them (eShop's NotifyOnChange) and say
/// which identities they show, so the sweeper reads those first. Callbacks run on the view's thread: a component
/// passes <c>() => InvokeAsync(…)</c>.
/// </summary>
public sealed class AccountViewState(AccountView view, AccountViewSweeper sweeper, WatchedIdentities watched, ILogger<AccountViewState> logger) : IAccountViewState, IDisposable
{
    private readonly List<Subscription> subscriptions = [];

    public AccountView View => view;

    public string? LastSweepError(string region) => sweeper.LastError(region);

    /// <summary>
    /// Calls <paramref name="onChange"/> after each change of the region's view for which <paramref name="matters"/>
    /// says yes (it receives the changed identities; empty when only the load progress moved). Ends when disposed.
    /// </summary>
    public IDisposable NotifyOnChange(string region, Func<IReadOnlyCollection<string>, bool> matters, Func<Task> onChange)
    {
        var subscription = new Subscription(this, region, matters, onChange);
        lock (subscriptions)
        {
            if (subscriptions.Count == 0) view.Changed += OnChanged;
            subscriptions.Add(subscription);
        }
        return subscription;
    }

    /// <summary>Changes of one identity only (details pane, status page, assistant), and it is read first while open.</summary>
    public IDisposable NotifyOnChange(string region, string identity, Func<Task> onChange)
    {
        var watching = watched.Watch(region, identity);
        var subscription = NotifyOnChange(region, changed => changed.Contains(identity, StringComparer.Ordinal), onChange);
        return new Both(subscription, watching);
    }

    public void Dispose()
    {
        lock (subscriptions)
        {
            subscriptions.Clear();
            view.Changed -= OnChanged;
        }
    }

    private void OnChanged(ViewChange change)
    {
        Subscription[] now;
        lock (subscriptions) now = [.. subscriptions];
        foreach (var subscription in now.Where(s => s.Region == change.Region && s.Matters(change.Identities)))
            _ = NotifyAsync(subscription);
    }

    private async Task NotifyAsync(Subscription subscription)
    {
        try
        {
            await subscription.OnChange();
        }
        catch (ObjectDisposedException ex)
        {
            // The circuit went away between the change and the callback; its components unsubscribe on dispose.
            logger.LogDebug(ex, "A view subscriber of {Region} is gone", subscription.Region);
        }
    }

    private void Remove(Subscription subscription)
    {
        lock (subscriptions)
        {
            if (subscriptions.Remove(subscription) && subscriptions.Count == 0) view.Changed -= OnChanged;
        }
    }

    private sealed class Subscription(AccountViewState owner, string region, Func<IReadOnlyCollection<string>, bool> matters, Func<Task> onChange) : IDisposable
    {
        public string Region => region;
        public Func<Task> OnChange => onChange;
        public bool Matters(IReadOnlyCollection<string> changed) => matters(changed);
        public void Dispose() => owner.Remove(this);
    }

    private sealed class Both(IDisposable first, IDisposable second) : IDisposable
    {
        public void Dispose()
        {
            first.Dispose();
            second.Dispose();
        }
    }
}
