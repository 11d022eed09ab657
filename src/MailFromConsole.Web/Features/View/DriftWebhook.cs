using System.Net.Http.Json;
using MailFromConsole.Core.View;
using Microsoft.Extensions.Options;

namespace MailFromConsole.Web.Features.View;

/// <summary>
/// POSTs drift as JSON to <see cref="ViewOptions.DriftWebhookUrl"/>: a Slack-compatible <c>text</c> field plus the
/// details for other receivers. A receiver that is down is logged, never retried into the sweep's way.
/// </summary>
public sealed class DriftWebhook(HttpClient http, IOptions<ViewOptions> options, ILogger<DriftWebhook> logger)
{
    public sealed record Payload(string Text, string Region, string Identity, DateTimeOffset At, string Kind);

    public async Task PostAsync(HistoryEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (options.Value.DriftWebhookUrl is not { } url) return;
        var payload = new Payload($"MAIL FROM drift in {entry.Region}: {entry.Identity}: {entry.Text}", entry.Region, entry.Identity, entry.At, entry.Kind.ToString());
        try
        {
            using var response = await http.PostAsJsonAsync(url, payload, cancellationToken);
            if (!response.IsSuccessStatusCode)
                logger.LogWarning("Drift webhook {Url} answered {Status} for {Identity}", url, (int)response.StatusCode, entry.Identity);
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            logger.LogWarning(ex, "Drift webhook {Url} could not be reached for {Identity}", url, entry.Identity);
        }
    }
}
