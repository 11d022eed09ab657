using System.Xml;
using MailFromConsole.Core;

namespace MailFromConsole.Aws.Http;

/// <summary>Turns an AWS error response (Query or REST-XML, including Route 53's InvalidChangeBatch) into its code, message and request id.</summary>
internal static class AwsErrorReader
{
    internal sealed record AwsError(string Code, string Message, string? RequestId);

    public static async Task<AwsServiceException> ReadExceptionAsync(string service, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var error = Parse(body) ?? new AwsError(
            $"Http{(int)response.StatusCode}",
            $"HTTP {(int)response.StatusCode} {response.ReasonPhrase} without an AWS error body: {Shorten(body)}",
            null);
        return new AwsServiceException(service, error.Code, error.Message, (int)response.StatusCode, error.RequestId ?? HeaderRequestId(response));
    }

    /// <summary>The AWS error code of a failed response, leaving the body readable for the caller.</summary>
    public static async ValueTask<string?> ReadCodeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return Parse(body)?.Code;
    }

    public static AwsError? Parse(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
            return null;
        try
        {
            var root = AwsXml.Parse(body).Root;
            if (root is null)
                return null;
            var requestId = root.Find("RequestId")?.Value;
            if (root.Name.LocalName == "InvalidChangeBatch")
            {
                // Route 53 lists each problem of the batch as its own Message.
                var messages = root.Descendants().Where(e => e.Name.LocalName == "Message").Select(e => e.Value);
                return new AwsError("InvalidChangeBatch", string.Join(" ", messages), requestId);
            }
            var error = root.Find("Error") ?? root;
            var code = error.ChildValue("Code");
            return code is null ? null : new AwsError(code, error.ChildValue("Message") ?? "", requestId);
        }
        catch (XmlException)
        {
            // Not XML (a proxy's HTML page, say): the caller reports the HTTP status instead.
            return null;
        }
    }

    private static string? HeaderRequestId(HttpResponseMessage response) =>
        response.Headers.TryGetValues("x-amzn-RequestId", out var values) || response.Headers.TryGetValues("x-amz-request-id", out values)
            ? values.FirstOrDefault()
            : null;

    private static string Shorten(string body) => body.Length <= 200 ? body : body[..200] + "…";
}
