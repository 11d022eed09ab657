namespace MailFromConsole.Core.Route53;

// Shapes of the Route 53 API (2013-04-01) that the console uses.

/// <param name="Id">The bare zone id, e.g. <c>Z1D633PJN98FT9</c> (the wire's <c>/hostedzone/</c> prefix removed).</param>
/// <param name="Name">Fully qualified, lower case, with the trailing dot, octal escapes decoded.</param>
public sealed record HostedZone(string Id, string Name, bool PrivateZone, long ResourceRecordSetCount);

public sealed record HostedZonesPage(IReadOnlyList<HostedZone> HostedZones, bool IsTruncated, string? NextDnsName, string? NextHostedZoneId);

/// <summary>
/// A record set. <paramref name="Values"/> are plain values: for TXT (and SPF) each value is the record's text
/// (its character-strings joined), unquoted and unescaped; the wire layer quotes, escapes and splits at 255.
/// For MX a value is "10 host.example.com." as on the wire.
/// </summary>
/// <param name="Name">Fully qualified with the trailing dot, lower case.</param>
public sealed record ResourceRecordSet(string Name, string Type, long Ttl, IReadOnlyList<string> Values);

public enum ChangeAction { Create, Delete, Upsert }

public sealed record RecordSetChange(ChangeAction Action, ResourceRecordSet RecordSet);

public enum ChangeStatus { Pending, InSync }

/// <param name="Id">The bare change id (the wire's <c>/change/</c> prefix removed).</param>
public sealed record ChangeInfo(string Id, ChangeStatus Status, DateTimeOffset SubmittedAt, string? Comment);
