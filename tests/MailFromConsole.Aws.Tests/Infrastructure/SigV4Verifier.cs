using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace MailFromConsole.Aws.Tests.Infrastructure;

/// <summary>
/// An independent SigV4 implementation (test side only), checked against AWS's published "get-vanilla" vector,
/// used to prove that what the client sends verifies as AWS would verify it.
/// </summary>
public static partial class SigV4Verifier
{
    public sealed record AuthorizationHeader(string AccessKeyId, string Date, string Region, string Service, IReadOnlyList<string> SignedHeaders, string Signature)
    {
        public string Scope => $"{Date}/{Region}/{Service}/aws4_request";
    }

    public static AuthorizationHeader ParseAuthorization(string header)
    {
        var match = AuthorizationPattern().Match(header);
        Assert.True(match.Success, $"Not a SigV4 Authorization header: {header}");
        return new AuthorizationHeader(
            match.Groups["key"].Value, match.Groups["date"].Value, match.Groups["region"].Value, match.Groups["service"].Value,
            match.Groups["headers"].Value.Split(';'), match.Groups["signature"].Value);
    }

    /// <summary>Recomputes the signature of a received request and returns whether it matches its Authorization header.</summary>
    public static bool Verify(RecordedRequest request, string secretAccessKey)
    {
        var authorization = ParseAuthorization(request.Header("Authorization") ?? "");
        var amzDate = request.Header("X-Amz-Date") ?? "";
        var payloadHash = Hex(SHA256.HashData(Encoding.UTF8.GetBytes(request.Body)));
        var questionMark = request.RawTarget.IndexOf('?', StringComparison.Ordinal);
        var rawPath = questionMark < 0 ? request.RawTarget : request.RawTarget[..questionMark];
        var rawQuery = questionMark < 0 ? "" : request.RawTarget[(questionMark + 1)..];
        var headers = authorization.SignedHeaders.Select(h => (h, request.Header(h) ?? "")).ToList();
        var signature = ComputeSignature(request.Method, rawPath, rawQuery, headers, payloadHash, amzDate,
            authorization.Region, authorization.Service, secretAccessKey);
        return signature == authorization.Signature;
    }

    public static string ComputeSignature(
        string method, string rawPath, string rawQuery, IReadOnlyList<(string Name, string Value)> signedHeaders,
        string payloadHash, string amzDate, string region, string service, string secretAccessKey)
    {
        var canonicalHeaders = string.Concat(signedHeaders.Select(h => $"{h.Name.ToLowerInvariant()}:{CollapseSpaces(h.Value.Trim())}\n"));
        var signedHeaderList = string.Join(';', signedHeaders.Select(h => h.Name.ToLowerInvariant()));
        var canonicalRequest = string.Join('\n', method, rawPath.Length == 0 ? "/" : rawPath, CanonicalQuery(rawQuery), canonicalHeaders, signedHeaderList, payloadHash);
        var date = amzDate[..8];
        var scope = $"{date}/{region}/{service}/aws4_request";
        var stringToSign = string.Join('\n', "AWS4-HMAC-SHA256", amzDate, scope, Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest))));
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secretAccessKey), date);
        key = Hmac(key, region);
        key = Hmac(key, service);
        key = Hmac(key, "aws4_request");
        return Hex(Hmac(key, stringToSign));
    }

    private static string CanonicalQuery(string rawQuery) =>
        rawQuery.Length == 0
            ? ""
            : string.Join('&', rawQuery.Split('&')
                .Select(pair => pair.Split('=', 2))
                .Select(parts => (Name: Reencode(parts[0]), Value: Reencode(parts.Length > 1 ? parts[1] : "")))
                .OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal)
                .Select(p => $"{p.Name}={p.Value}"));

    private static string Reencode(string component) => Uri.EscapeDataString(Uri.UnescapeDataString(component));

    private static string CollapseSpaces(string value) => SpacesPattern().Replace(value, " ");

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    [GeneratedRegex(@"^AWS4-HMAC-SHA256 Credential=(?<key>[^/]+)/(?<date>\d{8})/(?<region>[^/]+)/(?<service>[^/]+)/aws4_request, ?SignedHeaders=(?<headers>[a-z0-9;-]+), ?Signature=(?<signature>[0-9a-f]{64})$")]
    private static partial Regex AuthorizationPattern();

    [GeneratedRegex(" +")]
    private static partial Regex SpacesPattern();
}
