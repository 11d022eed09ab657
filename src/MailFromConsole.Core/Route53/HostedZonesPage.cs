namespace MailFromConsole.Core.Route53;

public sealed record HostedZonesPage(IReadOnlyList<HostedZone> HostedZones, bool IsTruncated, string? NextDnsName, string? NextHostedZoneId);
