namespace MailFromConsole.Web.Features.View;

/// <summary>
/// One per circuit: the account view and its changes that matter to a component (eShop's NotifyOnChange); what a
/// component subscribes to for one identity is read first by the sweeper. Callbacks run on the view's thread: a
/// component passes <c>() => InvokeAsync(…)</c>.
/// </summary>
public interface IAccountViewState
{
    AccountView View { get; }

    /// <summary>Calls <paramref name="onChange"/> after each change of the region's view for which <paramref name="matters"/> says yes.</summary>
    IDisposable NotifyOnChange(string region, Func<IReadOnlyCollection<string>, bool> matters, Func<Task> onChange);

    /// <summary>The sweep's last AWS error in the region not yet followed by a good read: the view may be old.</summary>
    string? LastSweepError(string region);

    /// <summary>Changes of one identity only, which is read first while subscribed.</summary>
    IDisposable NotifyOnChange(string region, string identity, Func<Task> onChange);
}
