using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;

namespace MailFromConsole.Aws.Http;

/// <summary>
/// Signs each attempt with SigV4 (AWSSDK.Core's signer). It sits below the retry handler, so every retry gets a
/// fresh date and signature, and replaces the headers of an earlier attempt of the same message.
/// </summary>
internal sealed class SigV4SigningHandler(AwsCredentialsSource credentialsSource, TimeProvider timeProvider) : DelegatingHandler
{
    private static readonly string[] SigningHeaders = ["Authorization", "X-Amz-Date", "X-Amz-Content-SHA256", "X-Amz-Security-Token"];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var operation = AwsOperation.From(request);
        var uri = request.RequestUri ?? throw new InvalidOperationException("AWS request without a URI.");
        var immutable = await (operation.Credentials ?? credentialsSource).GetAsync(cancellationToken).ConfigureAwait(false);
        AWSCredentials credentials = immutable.UseToken
            ? new SessionAWSCredentials(immutable.AccessKey, immutable.SecretKey, immutable.Token)
            : new BasicAWSCredentials(immutable.AccessKey, immutable.SecretKey);

        foreach (var name in SigningHeaders)
            request.Headers.Remove(name);

        var signingRequest = new AWSSigningRequest { HttpMethod = request.Method, RequestUri = uri };
        signingRequest.Headers["Host"] = uri.Authority;
        if (request.Content is { } content)
        {
            signingRequest.Content = await content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (content.Headers.ContentType is { } contentType)
                signingRequest.Headers["Content-Type"] = contentType.ToString();
        }

        var parameters = new AWSSigV4Parameters
        {
            Credentials = credentials,
            Region = RegionEndpoint.GetBySystemName(operation.SigningRegion),
            Service = operation.Service,
            SignPayload = true,
            SignedAt = timeProvider.GetUtcNow().UtcDateTime,
        };
        var result = await AWSSigV4Signer.SignAsync(signingRequest, parameters, cancellationToken).ConfigureAwait(false);

        foreach (var (name, value) in result.Headers)
        {
            if (name.Equals("Host", StringComparison.OrdinalIgnoreCase) || name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
                continue;
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
