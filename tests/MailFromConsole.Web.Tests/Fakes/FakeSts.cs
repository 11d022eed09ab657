using System.Collections.Concurrent;
using MailFromConsole.Core;
using MailFromConsole.Core.Sts;

namespace MailFromConsole.Web.Tests.Fakes;

/// <summary>STS of the test account: who the console is in each region (or why a region's STS failed); it trusts no role.</summary>
public sealed class FakeSts : IStsClient
{
    public const string Account = "123456789012";
    public const string Arn = $"arn:aws:iam::{Account}:user/mailfrom-console";

    private readonly ConcurrentDictionary<string, AwsServiceException> failing = new();

    /// <summary>Makes GetCallerIdentity in <paramref name="region"/> fail as AWS would.</summary>
    public void FailIn(string region, string code, string message) =>
        failing[region] = new AwsServiceException("sts", code, message, 403, null);

    public Task<CallerIdentity> GetCallerIdentityAsync(string region, CancellationToken cancellationToken = default) =>
        failing.TryGetValue(region, out var error) ? Task.FromException<CallerIdentity>(error) : Task.FromResult(new CallerIdentity(Account, Arn, "AIDATESTCONSOLEUSER"));

    public Task<AssumedRole> AssumeRoleAsync(string region, string roleArn, string roleSessionName, string? externalId, CancellationToken cancellationToken = default) =>
        Task.FromException<AssumedRole>(new AwsServiceException("sts", "AccessDenied", $"The test account trusts no role; {roleArn} cannot be assumed.", 403, null));
}
