using MailFromConsole.Core.Route53;

namespace MailFromConsole.Core.Export;

/// <summary>What Route 53 holds for one MAIL FROM domain: its public hosted zone (null: none in the account) and the record sets at the name.</summary>
/// <param name="Account">The other account the zone was found in (through a role), null for the console's own.</param>
public sealed record ExportZone(HostedZone? Zone, IReadOnlyList<ResourceRecordSet> SetsAtName, string? Account = null)
{
    public static readonly ExportZone None = new(null, []);
}
