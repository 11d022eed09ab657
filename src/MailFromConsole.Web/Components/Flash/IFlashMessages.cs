using MudBlazor;

namespace MailFromConsole.Web.Components.Flash;

/// <summary>
/// The circuit's flash bar, as the AWS console shows one at the top of the page after an action: what was done (or
/// why it failed) in one line, until dismissed or the user goes to another page.
/// </summary>
public interface IFlashMessages
{
    /// <summary>The message shown now; null when there is none.</summary>
    FlashMessage? Current { get; }

    /// <summary>Raised when <see cref="Current"/> changes.</summary>
    event Action? Changed;

    /// <summary>Replaces the message shown (one at a time: the newest outcome is the one that matters).</summary>
    void Show(Severity severity, string text, string? details = null);

    void Dismiss();
}
