using Microsoft.JSInterop;

namespace MailFromConsole.Web.Components.Shared;

public sealed class JsClipboard(IJSRuntime js, ILogger<JsClipboard> logger) : IClipboard
{
    public async Task<bool> CopyAsync(string text)
    {
        try
        {
            return await js.InvokeAsync<bool>("mailFromConsole.copy", text);
        }
        catch (JSException ex)
        {
            logger.LogInformation("Clipboard refused: {Message}", ex.Message);
            return false;
        }
        catch (TaskCanceledException ex)
        {
            logger.LogInformation("Clipboard call timed out: {Message}", ex.Message);
            return false;
        }
    }
}
