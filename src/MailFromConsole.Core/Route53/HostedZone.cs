namespace MailFromConsole.Core.Route53;

// A hosted zone as Route 53 (API 2013-04-01) describes it.

/// <param name="Id">The bare zone id, e.g. <c>Z1D633PJN98FT9</c> (the wire's <c>/hostedzone/</c> prefix removed).</param>
/// <param name="Name">Fully qualified, lower case, with the trailing dot, octal escapes decoded.</param>
public sealed record HostedZone(string Id, string Name, bool PrivateZone, long ResourceRecordSetCount);
