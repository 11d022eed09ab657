using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;
using MailFromConsole.Core;
using Microsoft.Extensions.Options;

namespace MailFromConsole.Aws.Http;

/// <summary>
/// The console's own credentials, resolved on first use, not at start-up, so the console starts without any: explicit
/// keys if configured, else the named profile, else the SDK's standard chain. Every profile kind of the shared config
/// resolves through AWSSDK.Core (static keys, role_arn with source_profile or credential_source, sso_session,
/// credential_process, web identity, instance and container roles); STS, SSO and SSO-OIDC are referenced for it.
/// </summary>
internal sealed class AwsCredentialsSource(IOptions<AwsClientOptions> options) : IAwsCredentialsProvider, IDisposable
{
    private const string ServiceName = "Credentials";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly DefaultAWSCredentialsIdentityResolver _chain = new();
    private AWSCredentials? _credentials;

    public async Task<ImmutableCredentials> GetAsync(CancellationToken cancellationToken)
    {
        var credentials = await ResolveOnceAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // The SDK's credential objects refresh themselves (roles, SSO, processes) and fail here when they cannot.
            return await credentials.GetCredentialsAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is AmazonClientException or ProcessAWSCredentialException)
        {
            throw Failure(ex, credentials);
        }
    }

    private async Task<AWSCredentials> ResolveOnceAsync(CancellationToken cancellationToken)
    {
        if (_credentials is { } cached)
            return cached;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // A failed resolution is not cached: the next call tries again (after `aws sso login`, a new profile…).
            return _credentials ??= AssumeRoleAtEndpointCredentials.Redirect(
                await ResolveAsync(options.Value, cancellationToken).ConfigureAwait(false), options.Value.StsServiceUrl, options.Value.StsRegion);
        }
        catch (Exception ex) when (ex is AmazonClientException or ProcessAWSCredentialException)
        {
            throw Failure(ex, null);
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
                : throw new AwsCredentialsException(ServiceName, AwsCredentialsException.NotAvailable,
                    $"AWS profile '{o.Profile}' was not found in the shared credentials or config file.", o.Profile);
        }

        return await _chain.ResolveIdentityAsync(null!, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Says what failed and for which profile, so the error edge can tell the user what to run.</summary>
    private AwsCredentialsException Failure(Exception ex, AWSCredentials? credentials)
    {
        var profile = options.Value.Profile is { Length: > 0 } named ? named
            : credentials is null or BasicAWSCredentials or SessionAWSCredentials ? null
            : DefaultAWSCredentialsIdentityResolver.GetProfileName();
        var code = credentials is SSOAWSCredentials ? AwsCredentialsException.SsoLoginRequired : AwsCredentialsException.NotAvailable;
        // A profile's AssumeRole wraps STS's own answer (AccessDenied, ExpiredToken…): keep it in the message.
        var message = ex.InnerException is AmazonServiceException sts ? $"{ex.Message}: {sts.ErrorCode}: {sts.Message}" : ex.Message;
        return new AwsCredentialsException(ServiceName, code, message, profile, ex);
    }

    public void Dispose()
    {
        _chain.Dispose();
        _gate.Dispose();
    }
}
