namespace MailFromConsole.Core.Sts;

/// <summary>
/// The STS operations the console needs, signed with the console's own credentials. Implemented over the wire by
/// MailFromConsole.Aws. Failures surface as <see cref="AwsServiceException"/>.
/// </summary>
public interface IStsClient
{
    /// <summary>Who the console's credentials are in <paramref name="region"/> (STS needs no permission for this).</summary>
    Task<CallerIdentity> GetCallerIdentityAsync(string region, CancellationToken cancellationToken = default);

    Task<AssumedRole> AssumeRoleAsync(string region, string roleArn, string roleSessionName, string? externalId, CancellationToken cancellationToken = default);
}
