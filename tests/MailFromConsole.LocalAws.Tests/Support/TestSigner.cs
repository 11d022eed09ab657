using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MailFromConsole.LocalAws.Tests.Support;

/// <summary>
/// A plain SigV4 signer for the tests' own requests, written from the AWS documentation. The real clients
/// (aws CLI, boto3) and a published test vector check the server independently of it.
/// </summary>
internal static class TestSigner
{
    public static void Sign(HttpRequestMessage request, byte[] body, string region, string service, string accessKey, string secret, DateTimeOffset now,
        string? sessionToken = null)
    {
        var amzDate = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var date = amzDate[..8];
        var uri = request.RequestUri!;
        var host = uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port}";
        request.Headers.Host = host;
        request.Headers.Add("X-Amz-Date", amzDate);
        var payloadHash = Convert.ToHexStringLower(SHA256.HashData(body));
        var contentType = request.Content?.Headers.ContentType?.ToString();
        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["host"] = host, ["x-amz-date"] = amzDate };
        if (contentType is not null)
        {
            headers["content-type"] = contentType;
        }

        if (sessionToken is not null)
        {
            // Signed, as botocore and the SDKs sign it.
            request.Headers.TryAddWithoutValidation("X-Amz-Security-Token", sessionToken);
            headers["x-amz-security-token"] = sessionToken;
        }

        var signedHeaders = string.Join(';', headers.Keys);
        var canonicalHeaders = string.Concat(headers.Select(h => $"{h.Key}:{h.Value}\n"));
        var path = string.Join('/', uri.AbsolutePath.Split('/').Select(Uri.EscapeDataString));
        var query = uri.Query.TrimStart('?');
        var canonicalQuery = query.Length == 0
            ? ""
            : string.Join('&', query.Split('&').Select(p => p.Split('=', 2))
                .Select(kv => (K: Uri.EscapeDataString(Uri.UnescapeDataString(kv[0])), V: Uri.EscapeDataString(Uri.UnescapeDataString(kv.Length > 1 ? kv[1] : ""))))
                .OrderBy(kv => kv.K, StringComparer.Ordinal).ThenBy(kv => kv.V, StringComparer.Ordinal)
                .Select(kv => kv.K + "=" + kv.V));
        var canonical = $"{request.Method.Method}\n{path}\n{canonicalQuery}\n{canonicalHeaders}\n{signedHeaders}\n{payloadHash}";
        var scope = $"{date}/{region}/{service}/aws4_request";
        var toSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{scope}\n{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}";
        var key = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + secret), Encoding.UTF8.GetBytes(date));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(region));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(service));
        key = HMACSHA256.HashData(key, "aws4_request"u8.ToArray());
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(toSign)));
        request.Headers.TryAddWithoutValidation("Authorization",
            $"AWS4-HMAC-SHA256 Credential={accessKey}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}");
    }
}
