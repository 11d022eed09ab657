namespace MailFromConsole.Core.Route53;

/// <summary>
/// The Route 53 operations the console needs (Route 53 is global). Implemented over the wire by
/// MailFromConsole.Aws. Failures surface as <see cref="AwsServiceException"/>.
/// </summary>
public interface IRoute53Client
{
    Task<HostedZonesPage> ListHostedZonesByNameAsync(string? dnsName, string? hostedZoneId, int? maxItems, CancellationToken cancellationToken = default);

    /// <summary>The deepest public hosted zone of this account that contains <paramref name="domainName"/> (by labels), or null.</summary>
    Task<HostedZone?> FindPublicHostedZoneAsync(string domainName, CancellationToken cancellationToken = default);

    /// <summary>Record sets of the zone starting at name/type (all pages when both are null), in Route 53's order.</summary>
    Task<IReadOnlyList<ResourceRecordSet>> ListResourceRecordSetsAsync(string hostedZoneId, string? startRecordName, string? startRecordType, CancellationToken cancellationToken = default);

    /// <summary>Applies the changes as one atomic batch.</summary>
    Task<ChangeInfo> ChangeResourceRecordSetsAsync(string hostedZoneId, IReadOnlyList<RecordSetChange> changes, string? comment, CancellationToken cancellationToken = default);

    Task<ChangeInfo> GetChangeAsync(string changeId, CancellationToken cancellationToken = default);
}
