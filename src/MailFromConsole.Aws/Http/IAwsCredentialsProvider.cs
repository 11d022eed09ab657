using Amazon.Runtime;

namespace MailFromConsole.Aws.Http;

/// <summary>The credentials one request is signed with: the console's own (<see cref="AwsCredentialsSource"/>) or an assumed role's.</summary>
internal interface IAwsCredentialsProvider
{
    /// <summary>Current credentials; failures are <see cref="MailFromConsole.Core.AwsServiceException"/>s worded for the user.</summary>
    Task<ImmutableCredentials> GetAsync(CancellationToken cancellationToken);
}
