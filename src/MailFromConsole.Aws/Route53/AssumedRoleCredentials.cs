using Amazon.Runtime;
using MailFromConsole.Aws.Http;
using MailFromConsole.Core;
using MailFromConsole.Core.Route53;
using MailFromConsole.Core.Sts;

namespace MailFromConsole.Aws.Route53;

/// <summary>
/// A role in another account, assumed with the console's own credentials and kept until shortly before its session
/// expires (one AssumeRole per hour, not per request). A refusal is not kept: the next request asks again.
/// </summary>
internal sealed class AssumedRoleCredentials(IStsClient sts, string stsRegion, string roleArn, string? externalId, TimeProvider time) : IAwsCredentialsProvider, IDisposable
{
    /// <summary>How the sessions show in the role's CloudTrail.</summary>
    public const string SessionName = "MailFromConsole";

    /// <summary>Renewed this long before expiry, so no request is signed with credentials about to lapse.</summary>
    private static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private AssumedRole? _session;

    public async Task<ImmutableCredentials> GetAsync(CancellationToken cancellationToken)
    {
        var session = _session;
        if (!IsFresh(session))
        {
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                session = _session;
                if (!IsFresh(session))
                    _session = session = await AssumeAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _gate.Release();
            }
        }
        return new ImmutableCredentials(session!.AccessKeyId, session.SecretAccessKey, session.SessionToken);
    }

    private bool IsFresh(AssumedRole? session) => session is not null && time.GetUtcNow() < session.Expiration - RenewBefore;

    private async Task<AssumedRole> AssumeAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(roleArn))
            throw new AssumeRoleException(roleArn, new AwsServiceException(StsClientName, "MissingRoleArn", "The Aws:Route53Accounts entry has no RoleArn.", 0, null));
        try
        {
            return await sts.AssumeRoleAsync(stsRegion, roleArn, SessionName, externalId, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException ex) when (ex is not AwsCredentialsException)
        {
            // The console's own credentials failing is their error; anything STS answers is this role's.
            throw new AssumeRoleException(roleArn, ex);
        }
    }

    private const string StsClientName = Sts.StsClient.ServiceName;

    public void Dispose() => _gate.Dispose();
}
