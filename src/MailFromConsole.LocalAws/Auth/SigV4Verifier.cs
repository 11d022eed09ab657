using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MailFromConsole.LocalAws.Wire;

namespace MailFromConsole.LocalAws.Auth;

/// <summary>
/// Checks a request's AWS Signature Version 4 as the service would: the credential scope names this service and
/// one of its regions, X-Amz-Date is close to the server's clock, the key is known (temporary keys with their
/// session token, until they expire), and the signature recomputed with the key's secret matches. A client's
/// signing bug shows up here rather than first on real AWS.
/// </summary>
/// <remarks>
/// The same signed request sent again inside the allowed clock skew is accepted, as AWS accepts it: SigV4 has no
/// nonce, and AWS bounds replays by the X-Amz-Date window only. Outside the window it is refused as expired.
/// </remarks>
internal sealed class SigV4Verifier(LocalAccounts accounts, TemporaryCredentialStore temporaryCredentials, TimeProvider time)
{
    private const string Algorithm = "AWS4-HMAC-SHA256";
    private const string BasicFormat = "yyyyMMdd'T'HHmmss'Z'";

    private const string MismatchMessage =
        "The request signature we calculated does not match the signature you provided. " +
        "Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

    private const string InvalidTokenMessage = "The security token included in the request is invalid.";

    /// <summary>The service named in the request's credential scope, or null when it is unsigned or malformed.</summary>
    public static string? ScopeService(string? authorization)
    {
        var start = authorization?.IndexOf("Credential=", StringComparison.Ordinal) ?? -1;
        if (start < 0)
        {
            return null;
        }

        var credential = authorization![(start + "Credential=".Length)..].Split(',', 2)[0].Trim();
        var parts = credential.Split('/');
        return parts.Length == 5 ? parts[3] : null;
    }

    public SignedScope Verify(SignedRequest request, SigningService expected)
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
        var amzDate = request.Header("X-Amz-Date");
        if (string.IsNullOrEmpty(amzDate) || !amzDate.StartsWith(date, StringComparison.Ordinal))
        {
            throw new AwsError(403, "IncompleteSignature", "Date in Credential scope does not match X-Amz-Date.");
        }

        CheckScope(expected, service, region);
        CheckClock(expected, amzDate);
        var key = Key(keyId, request.Header("X-Amz-Security-Token"));

        var canonical = CanonicalRequest(request, signedHeaders);
        var scope = $"{date}/{region}/{service}/aws4_request";
        var stringToSign = $"{Algorithm}\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}";
        var signingKey = SigningKey(key.SecretAccessKey, date, region, service);
        var computed = Hex(HMACSHA256.HashData(signingKey, Encoding.UTF8.GetBytes(stringToSign)));
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(computed), Encoding.ASCII.GetBytes(signature)))
        {
            throw new AwsError(403, "SignatureDoesNotMatch", MismatchMessage);
        }

        if (key.Expiration is { } expiration && expiration <= time.GetUtcNow())
        {
            // AWS's answer to expired temporary credentials (IAM, STS, Route 53 alike).
            throw new AwsError(403, "ExpiredToken", "The security token included in the request is expired");
        }

        return new SignedScope(keyId, region, service, key.Caller);
    }

    // AWS's wording, with its trailing space: "Credential should be scoped to correct service: 'batch'. " and
    // "Credential should be scoped to a valid region, not 'ap-southeast-2'. " (the latter from STS's ErrorResponse,
    // cognitect-labs/aws-api#27), both SignatureDoesNotMatch.
    private static void CheckScope(SigningService expected, string service, string region)
    {
        if (!expected.ScopeNames.Contains(service))
        {
            throw new AwsError(403, "SignatureDoesNotMatch", $"Credential should be scoped to correct service: '{expected.Name}'. ");
        }

        if (!expected.Regions.Contains(region))
        {
            throw new AwsError(403, "SignatureDoesNotMatch", $"Credential should be scoped to a valid region, not '{region}'. ");
        }
    }

    // AWS's wording for both directions (403 SignatureDoesNotMatch): "Signature expired: 20220127T001427Z is now
    // earlier than 20220127T014428Z (20220127T015928Z - 15 min.)" and "Signature not yet current: … is still later
    // than … (… + 15 min.)" (aws/aws-cli#6676, aws/aws-sdk-js#142).
    private void CheckClock(SigningService expected, string amzDate)
    {
        if (!DateTimeOffset.TryParseExact(amzDate, BasicFormat, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var signedAt))
        {
            throw new AwsError(403, "IncompleteSignature",
                $"Date must be in ISO-8601 'basic format'. Got '{amzDate}'. See http://en.wikipedia.org/wiki/ISO_8601");
        }

        var now = time.GetUtcNow();
        var minutes = (int)expected.AllowedSkew.TotalMinutes;
        if (signedAt < now - expected.AllowedSkew)
        {
            throw new AwsError(403, "SignatureDoesNotMatch",
                $"Signature expired: {amzDate} is now earlier than {Basic(now - expected.AllowedSkew)} ({Basic(now)} - {minutes} min.)");
        }

        if (signedAt > now + expected.AllowedSkew)
        {
            throw new AwsError(403, "SignatureDoesNotMatch",
                $"Signature not yet current: {amzDate} is still later than {Basic(now + expected.AllowedSkew)} ({Basic(now)} + {minutes} min.)");
        }
    }

    /// <summary>The key the request names; a temporary key only with its own session token.</summary>
    private AccessKey Key(string keyId, string? sessionToken)
    {
        var key = accounts.FindKey(keyId) ?? temporaryCredentials.Find(keyId)
                  ?? throw new AwsError(403, "InvalidClientTokenId", InvalidTokenMessage);
        var tokenMatches = key.SessionToken is null
            ? string.IsNullOrEmpty(sessionToken)
            : sessionToken is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(sessionToken), Encoding.UTF8.GetBytes(key.SessionToken));
        return tokenMatches ? key : throw new AwsError(403, "InvalidClientTokenId", InvalidTokenMessage);
    }

    private static string Basic(DateTimeOffset instant) => instant.UtcDateTime.ToString(BasicFormat, CultureInfo.InvariantCulture);

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

    private static byte[] SigningKey(string secretAccessKey, string date, string region, string service)
    {
        var key = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + secretAccessKey), Encoding.UTF8.GetBytes(date));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(region));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(service));
        return HMACSHA256.HashData(key, "aws4_request"u8.ToArray());
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
