using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;
using Microsoft.Extensions.Options;

namespace MailFromConsole.Aws.Http;

/// <summary>
/// Resolves credentials on first use, not at start-up, so the console starts without any AWS credentials:
/// explicit keys if configured, else the named profile, else the SDK's standard chain.
/// </summary>
internal sealed class AwsCredentialsSource(IOptions<AwsClientOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly DefaultAWSCredentialsIdentityResolver _chain = new();
    private AWSCredentials? _credentials;

    public async Task<AWSCredentials> GetAsync(CancellationToken cancellationToken)
    {
        if (_credentials is { } cached)
            return cached;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // The SDK's credential objects refresh themselves (roles, SSO); a failed resolution is not cached.
            return _credentials ??= await ResolveAsync(options.Value, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<AWSCredentials> ResolveAsync(AwsClientOptions o, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(o.AccessKeyId) && !string.IsNullOrEmpty(o.SecretAccessKey))
        {
            return string.IsNullOrEmpty(o.SessionToken)
                ? new BasicAWSCredentials(o.AccessKeyId, o.SecretAccessKey)
                : new SessionAWSCredentials(o.AccessKeyId, o.SecretAccessKey, o.SessionToken);
        }

        if (!string.IsNullOrEmpty(o.Profile))
        {
            return new CredentialProfileStoreChain().TryGetAWSCredentials(o.Profile, out var profileCredentials)
                ? profileCredentials
                : throw new AmazonClientException($"AWS profile '{o.Profile}' was not found in the shared credentials or config file.");
        }

        return await _chain.ResolveIdentityAsync(null!, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        _chain.Dispose();
        _gate.Dispose();
    }
}
