using System.Security.Cryptography;
using System.Text;
using MailFromConsole.LocalAws.Wire;

namespace MailFromConsole.LocalAws.Auth;

/// <summary>The signing scope a verified request was signed for.</summary>
internal sealed record SignedScope(string AccessKeyId, string Region, string Service);

/// <summary>The parts of an HTTP request a SigV4 signature covers.</summary>
internal sealed record SignedRequest(
    string Method,
    string RawPath,
    string RawQuery,
    Func<string, string?> Header,
    byte[] Body);

/// <summary>
/// Recomputes the AWS Signature Version 4 of a request with the local secret and compares it with the one sent,
/// so a client's signing bug shows up here rather than first on real AWS.
/// </summary>
internal sealed class SigV4Verifier(string accessKeyId, string secretAccessKey)
{
    private const string Algorithm = "AWS4-HMAC-SHA256";

    private const string MismatchMessage =
        "The request signature we calculated does not match the signature you provided. " +
        "Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

    public SignedScope Verify(SignedRequest request)
    {
        var authorization = request.Header("Authorization");
        if (string.IsNullOrEmpty(authorization))
        {
            throw new AwsError(403, "MissingAuthenticationToken", "Request is missing Authentication Token");
        }

        if (!authorization.StartsWith(Algorithm + " ", StringComparison.Ordinal))
        {
            throw new AwsError(403, "IncompleteSignature", "Unsupported signing algorithm; expected " + Algorithm + ".");
        }

        var fields = ParseFields(authorization[(Algorithm.Length + 1)..]);
        if (!fields.TryGetValue("Credential", out var credential) ||
            !fields.TryGetValue("SignedHeaders", out var signedHeaders) ||
            !fields.TryGetValue("Signature", out var signature))
        {
            throw new AwsError(403, "IncompleteSignature",
                "Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters.");
        }

        var scopeParts = credential.Split('/');
        if (scopeParts.Length != 5 || scopeParts[4] != "aws4_request")
        {
            throw new AwsError(403, "IncompleteSignature", "Credential should be scoped to a valid region and service.");
        }

        var (keyId, date, region, service) = (scopeParts[0], scopeParts[1], scopeParts[2], scopeParts[3]);
        if (!string.Equals(keyId, accessKeyId, StringComparison.Ordinal))
        {
            throw new AwsError(403, "InvalidClientTokenId", "The security token included in the request is invalid.");
        }

        var amzDate = request.Header("X-Amz-Date");
        if (string.IsNullOrEmpty(amzDate) || !amzDate.StartsWith(date, StringComparison.Ordinal))
        {
            throw new AwsError(403, "IncompleteSignature", "Date in Credential scope does not match X-Amz-Date.");
        }

        var canonical = CanonicalRequest(request, signedHeaders);
        var scope = $"{date}/{region}/{service}/aws4_request";
        var stringToSign = $"{Algorithm}\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}";
        var key = SigningKey(date, region, service);
        var expected = Hex(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature)))
        {
            throw new AwsError(403, "SignatureDoesNotMatch", MismatchMessage);
        }

        return new SignedScope(keyId, region, service);
    }

    private static Dictionary<string, string> ParseFields(string text) =>
        text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.Split('=', 2))
            .Where(kv => kv.Length == 2)
            .GroupBy(kv => kv[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First()[1], StringComparer.Ordinal);

    private static string CanonicalRequest(SignedRequest request, string signedHeaders)
    {
        var names = signedHeaders.Split(';');
        var headers = new StringBuilder();
        foreach (var name in names)
        {
            var value = request.Header(name) ?? "";
            headers.Append(name.ToLowerInvariant()).Append(':').Append(CollapseSpaces(value.Trim())).Append('\n');
        }

        var payloadHash = request.Header("X-Amz-Content-SHA256");
        if (string.IsNullOrEmpty(payloadHash))
        {
            payloadHash = Hex(SHA256.HashData(request.Body));
        }

        return string.Join('\n',
            request.Method.ToUpperInvariant(),
            CanonicalPath(request.RawPath),
            CanonicalQuery(request.RawQuery),
            headers.ToString(),
            signedHeaders,
            payloadHash);
    }

    // Non-S3 services sign the already-encoded path encoded once more ("double encoding"), as botocore and the SDKs do.
    private static string CanonicalPath(string rawPath) =>
        rawPath.Length == 0 ? "/" : string.Join('/', rawPath.Split('/').Select(Uri.EscapeDataString));

    private static string CanonicalQuery(string rawQuery)
    {
        var query = rawQuery.TrimStart('?');
        if (query.Length == 0)
        {
            return "";
        }

        var pairs = query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Select(kv => (Key: Encode(kv[0]), Value: Encode(kv.Length > 1 ? kv[1] : "")))
            .OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .ThenBy(kv => kv.Value, StringComparer.Ordinal);
        return string.Join('&', pairs.Select(kv => kv.Key + "=" + kv.Value));

        static string Encode(string raw) => Uri.EscapeDataString(Uri.UnescapeDataString(raw.Replace('+', ' ')));
    }

    private static string CollapseSpaces(string value)
    {
        var builder = new StringBuilder(value.Length);
        var previousSpace = false;
        foreach (var c in value)
        {
            var space = c == ' ';
            if (!(space && previousSpace))
            {
                builder.Append(c);
            }

            previousSpace = space;
        }

        return builder.ToString();
    }

    private byte[] SigningKey(string date, string region, string service)
    {
        var key = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + secretAccessKey), Encoding.UTF8.GetBytes(date));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(region));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(service));
        return HMACSHA256.HashData(key, "aws4_request"u8.ToArray());
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
