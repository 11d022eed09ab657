using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Amazon.Runtime;
using MailFromConsole.Core;
using Polly.Timeout;

namespace MailFromConsole.Aws.Http;

/// <summary>Sends one prepared request through the pipeline and turns every failure into an <see cref="AwsServiceException"/>.</summary>
internal static partial class AwsCall
{
    public static async Task<XElement> SendAsync(HttpClient httpClient, HttpRequestMessage request, string service, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await httpClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            // Only a failure to connect proves the request never left; a connection lost later may have carried it.
            throw new AwsServiceException(service, "NetworkError", ex.Message, 0, null, ex) { OutcomeUnknown = !NeverSent(ex) };
        }
        catch (TimeoutRejectedException ex)
        {
            throw new AwsServiceException(service, "RequestTimeout", ex.Message, 0, null, ex) { OutcomeUnknown = true };
        }
        catch (AmazonClientException ex)
        {
            // Raised while resolving credentials, e.g. none configured: say so instead of failing obscurely.
            throw new AwsServiceException(service, "CredentialsNotAvailable", ex.Message, 0, null, ex);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
                throw await AwsErrorReader.ReadExceptionAsync(service, response, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return AwsXml.Parse(body).Root ?? throw InvalidResponse(service, "empty XML document", null);
            }
            catch (XmlException ex)
            {
                throw InvalidResponse(service, ex.Message, ex);
            }
        }
    }

    private static bool NeverSent(HttpRequestException ex) => ex.HttpRequestError is
        HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError;

    public static AwsServiceException InvalidResponse(string service, string detail, Exception? inner) =>
        new(service, "InvalidResponse", $"The response could not be read: {detail}", 0, null, inner);

    /// <summary>Parses an enum whose member names are the wire strings.</summary>
    public static TEnum ParseEnum<TEnum>(string service, string? value) where TEnum : struct, Enum =>
        Enum.TryParse<TEnum>(value, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _)
            ? parsed
            : throw InvalidResponse(service, $"unexpected {typeof(TEnum).Name} '{value}'", null);

    /// <summary>Region names go into host names and credential scopes, so only their plain form is accepted.</summary>
    public static string ValidateRegion(string region) =>
        region is not null && RegionPattern().IsMatch(region)
            ? region
            : throw new ArgumentException($"'{region}' is not a region name such as us-east-1.", nameof(region));

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+){0,5}$", RegexOptions.CultureInvariant)]
    private static partial Regex RegionPattern();
}
