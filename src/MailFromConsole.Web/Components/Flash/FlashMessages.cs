using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using MudBlazor;

namespace MailFromConsole.Web.Components.Flash;

/// <summary>Per circuit: a message belongs to the page it was made on and goes when the user opens another page.</summary>
public sealed class FlashMessages : IFlashMessages, IDisposable
{
    private readonly NavigationManager navigation;
    private string? shownOnPath;

    public FlashMessages(NavigationManager navigation)
    {
        this.navigation = navigation;
        navigation.LocationChanged += OnLocationChanged;
    }

    public FlashMessage? Current { get; private set; }

    public event Action? Changed;

    public void Show(Severity severity, string text, string? details = null)
    {
        Current = new FlashMessage(severity, text, details);
        shownOnPath = PathOf(navigation.Uri);
        Changed?.Invoke();
    }

    public void Dismiss()
    {
        if (Current is null) return;
        Current = null;
        Changed?.Invoke();
    }

    // Selecting an identity or a region only changes the query: the message about the page's last action stays.
    private void OnLocationChanged(object? sender, LocationChangedEventArgs e)
    {
        if (Current is not null && PathOf(e.Location) != shownOnPath) Dismiss();
    }

    private static string PathOf(string uri) => new Uri(uri).AbsolutePath;

    public void Dispose() => navigation.LocationChanged -= OnLocationChanged;
}
