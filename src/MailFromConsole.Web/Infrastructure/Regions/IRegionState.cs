using Microsoft.AspNetCore.Components;

namespace MailFromConsole.Web.Infrastructure.Regions;

/// <summary>
/// The region this browser tab looks at, read from its URL (<c>?region=</c>): one per circuit. Components read
/// <see cref="Current"/> and subscribe with <see cref="NotifyOnChange"/> (eShop's pattern), so a region switch
/// re-renders them on their own renderer.
/// </summary>
public interface IRegionState
{
    /// <summary>The configured regions, in the configured order.</summary>
    IReadOnlyList<string> Regions { get; }

    /// <summary>The URL's region; on a page whose URL names none, the last one a URL named (at first the default).</summary>
    string Current { get; }

    /// <summary>Puts <paramref name="region"/> into the URL (replacing the history entry); unknown regions are ignored.</summary>
    void Select(string region);

    /// <summary>Invokes <paramref name="callback"/> each time <see cref="Current"/> changes, until the result is disposed.</summary>
    IDisposable NotifyOnChange(EventCallback callback);
}
