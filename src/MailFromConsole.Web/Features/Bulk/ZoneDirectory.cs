using MailFromConsole.Core.Route53;

namespace MailFromConsole.Web.Features.Bulk;

/// <summary>
/// The public hosted zones and their record sets for many names at once: each account's zones are listed once and each
/// zone's records once, instead of a zone search and a record listing per identity (Route 53 allows 5 requests/second).
/// </summary>
internal sealed class ZoneDirectory(IRoute53Accounts accounts)
{
    private readonly Dictionary<string, IReadOnlyList<HostedZone>> zonesByAccount = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ILookup<string, ResourceRecordSet>> recordsByZone = new(StringComparer.Ordinal);

    /// <summary>The deepest public zone of the name's account that holds it, or null (the manual path).</summary>
    public async Task<HostedZone?> ZoneForAsync(string name, CancellationToken cancellationToken)
    {
        var account = accounts.For(name);
        var key = account.RoleArn ?? "";
        if (!zonesByAccount.TryGetValue(key, out var zones))
        {
            zones = await ListPublicZonesAsync(account.Client, cancellationToken);
            zonesByAccount[key] = zones;
        }
        var apex = DnsNames.DeepestApex(zones.Select(z => z.Name), name);
        return apex is null ? null : zones.First(z => DnsNames.SameName(z.Name, apex));
    }

    /// <summary>The record sets at <paramref name="name"/> in the zone, from one listing of the zone.</summary>
    public async Task<IReadOnlyList<ResourceRecordSet>> SetsAtAsync(HostedZone zone, string name, CancellationToken cancellationToken)
    {
        if (!recordsByZone.TryGetValue(zone.Id, out var records))
        {
            var sets = await accounts.For(name).Client.ListResourceRecordSetsAsync(zone.Id, null, null, cancellationToken);
            records = sets.ToLookup(s => DnsNames.Canonical(s.Name), StringComparer.Ordinal);
            recordsByZone[zone.Id] = records;
        }
        return [.. records[DnsNames.Canonical(name)]];
    }

    /// <summary>Forgets a zone's records, so the next plan reads them again (after a refused batch).</summary>
    public void Forget(HostedZone zone) => recordsByZone.Remove(zone.Id);

    private static async Task<IReadOnlyList<HostedZone>> ListPublicZonesAsync(IRoute53Client client, CancellationToken cancellationToken)
    {
        var zones = new List<HostedZone>();
        string? nextName = null, nextId = null;
        do
        {
            var page = await client.ListHostedZonesByNameAsync(nextName, nextId, null, cancellationToken);
            zones.AddRange(page.HostedZones.Where(z => !z.PrivateZone));
            if (!page.IsTruncated) break;
            (nextName, nextId) = (page.NextDnsName, page.NextHostedZoneId);
        }
        while (nextName is not null);
        return zones;
    }
}
