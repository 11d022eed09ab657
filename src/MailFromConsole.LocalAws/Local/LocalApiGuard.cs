using Microsoft.AspNetCore.Http;

namespace MailFromConsole.LocalAws.Local;

/// <summary>
/// What a call of a local JSON API that changes something must carry: a custom header and, with a body, a JSON content
/// type. A page on another site can send neither without a CORS preflight, which the local AWS never grants, so a plain
/// cross-site <c>fetch</c> or form cannot inject faults or edit the outside DNS zones.
/// </summary>
public static class LocalApiGuard
{
    public const string Header = "X-MailFromConsole-Local";

    /// <summary>Null when the request may go on; otherwise why not.</summary>
    public static string? Refusal(HttpRequest request, bool withBody)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrEmpty(request.Headers[Header]))
            return $"Local API calls that change something need the {Header} header (any value), so that a page on another site cannot make them.";
        if (withBody && !IsJson(request.ContentType))
            return "Send the body as application/json.";
        return null;
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null && contentType.Split(';')[0].Trim().Equals("application/json", StringComparison.OrdinalIgnoreCase);
}
