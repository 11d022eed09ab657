namespace MailFromConsole.Web.Components.Shared;

/// <summary>Copy to the browser clipboard; false when the browser refuses (no permission, not a secure context).</summary>
public interface IClipboard
{
    Task<bool> CopyAsync(string text);
}
