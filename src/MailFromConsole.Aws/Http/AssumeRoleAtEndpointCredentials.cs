using Amazon.Runtime;
using Amazon.Runtime.SharedInterfaces;
using Amazon.SecurityToken;

namespace MailFromConsole.Aws.Http;

/// <summary>
/// A profile's <c>role_arn</c> (as AWSSDK.Core built it: source profile or credential source, external id, MFA,
/// session name) assumed at <c>Aws:StsServiceUrl</c> instead of the SDK's default STS endpoint, so the local AWS's
/// STS can stand in for AWS's.
/// </summary>
internal sealed class AssumeRoleAtEndpointCredentials : AssumeRoleAWSCredentials
{
    private readonly AmazonSecurityTokenServiceConfig _config;

    private AssumeRoleAtEndpointCredentials(AssumeRoleAWSCredentials profile, Uri stsUrl, string region)
        : base(Redirect(profile.SourceCredentials, stsUrl, region), profile.RoleArn, profile.RoleSessionName, profile.Options) =>
        _config = new AmazonSecurityTokenServiceConfig { ServiceURL = stsUrl.ToString(), AuthenticationRegion = region };

    /// <summary>The same credentials, with every role in their chain assumed at <paramref name="stsUrl"/> when it is set.</summary>
    public static AWSCredentials Redirect(AWSCredentials credentials, Uri? stsUrl, string region) =>
        stsUrl is not null && credentials is AssumeRoleAWSCredentials role and not AssumeRoleAtEndpointCredentials
            ? new AssumeRoleAtEndpointCredentials(role, stsUrl, region)
            : credentials;

    protected override CredentialsRefreshState GenerateNewCredentials()
    {
        using var sts = new AmazonSecurityTokenServiceClient(SourceCredentials, _config);
        var credentials = ((ICoreAmazonSTS)sts).CredentialsFromAssumeRoleAuthentication(RoleArn, RoleSessionName, Options);
        return new CredentialsRefreshState(credentials, credentials.Expiration);
    }

    protected override async Task<CredentialsRefreshState> GenerateNewCredentialsAsync()
    {
        using var sts = new AmazonSecurityTokenServiceClient(SourceCredentials, _config);
        var credentials = await ((ICoreAmazonSTS)sts).CredentialsFromAssumeRoleAuthenticationAsync(RoleArn, RoleSessionName, Options).ConfigureAwait(false);
        return new CredentialsRefreshState(credentials, credentials.Expiration);
    }
}
