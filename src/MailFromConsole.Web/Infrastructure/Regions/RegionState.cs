using MailFromConsole.Web.Infrastructure.Hosting;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace MailFromConsole.Web.Infrastructure.Regions;

/// <summary>The circuit's <see cref="IRegionState"/>: the URL is the one source; a navigation that changes it notifies.</summary>
public sealed class RegionState : IRegionState, IDisposable
{
    public const string QueryParameter = "region";

    private readonly NavigationManager navigation;
    private readonly ILogger<RegionState> logger;
    private readonly List<Subscription> subscriptions = [];
    private readonly string defaultRegion;
    // The region of the last URL that named one (the default before); null until first read: a circuit's URL is set
    // after its services are made.
    private string? current;

    public RegionState(IOptions<ConsoleRegionOptions> options, NavigationManager navigation, ILogger<RegionState> logger)
    {
        this.navigation = navigation;
        this.logger = logger;
        Regions = options.Value.EffectiveRegions;
        defaultRegion = Regions.Contains(options.Value.DefaultRegion) ? options.Value.DefaultRegion : Regions[0];
        navigation.LocationChanged += OnLocationChanged;
    }

    public IReadOnlyList<string> Regions { get; }

    // The URL itself first: a render that runs before this state hears of a navigation already sees the new region.
    public string Current
    {
        get
        {
            var named = Named(navigation.Uri);
            current ??= named ?? defaultRegion;
            return named ?? current;
        }
    }

    public void Select(string region)
    {
        if (region == Current || !Regions.Contains(region)) return;
        navigation.NavigateTo(navigation.GetUriWithQueryParameter(QueryParameter, region), replace: true);
    }

    public IDisposable NotifyOnChange(EventCallback callback)
    {
        _ = Current;
        var subscription = new Subscription(this, callback);
        lock (subscriptions) subscriptions.Add(subscription);
        return subscription;
    }

    public void Dispose() => navigation.LocationChanged -= OnLocationChanged;

    private string? Named(string uri)
    {
        var query = QueryHelpers.ParseQuery(new Uri(uri).Query);
        return query.TryGetValue(QueryParameter, out var named) && Regions.Contains(named.ToString()) ? named.ToString() : null;
    }

    // Raised on the circuit's renderer, so each subscriber's EventCallback re-renders its component there.
    private void OnLocationChanged(object? sender, LocationChangedEventArgs e)
    {
        var before = current;
        current = Named(e.Location) ?? before ?? defaultRegion;
        if (before is null || current == before) return;
        Subscription[] now;
        lock (subscriptions) now = [.. subscriptions];
        foreach (var subscription in now) _ = NotifyAsync(subscription);
    }

    private async Task NotifyAsync(Subscription subscription)
    {
        try
        {
            await subscription.Callback.InvokeAsync();
        }
        catch (ObjectDisposedException ex)
        {
            // The circuit went away between the navigation and the callback; its components unsubscribe on dispose.
            logger.LogDebug(ex, "A region subscriber is gone");
        }
    }

    private sealed class Subscription(RegionState owner, EventCallback callback) : IDisposable
    {
        public EventCallback Callback => callback;

        public void Dispose()
        {
            lock (owner.subscriptions) owner.subscriptions.Remove(this);
        }
    }
}
