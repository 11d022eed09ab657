using MailFromConsole.Core.Route53;

namespace MailFromConsole.Core.Export;

/// <summary>Reads from Route 53 what an export needs for each MAIL FROM domain: its public hosted zone and the record sets at the name.</summary>
public static class ExportZoneLookup
{
    /// <summary>
    /// One zone search per name and, per zone, one listing: from the name when the zone serves one name, the whole
    /// zone when it serves several (a selection of many identities costs a few requests per zone, not per name).
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, ExportZone>> ReadAsync(IRoute53Accounts accounts, IEnumerable<string> mailFromDomains, CancellationToken cancellationToken = default)
    {
        var found = new List<(string Name, Route53Account Account, HostedZone Zone)>();
        var result = new Dictionary<string, ExportZone>(StringComparer.Ordinal);
        foreach (var name in mailFromDomains.Distinct(StringComparer.Ordinal))
        {
            var account = accounts.For(name);
            var zone = await account.Client.FindPublicHostedZoneAsync(name, cancellationToken);
            if (zone is null) result[name] = ExportZone.None;
            else found.Add((name, account, zone));
        }
        foreach (var names in found.GroupBy(f => (f.Zone.Id, f.Account.RoleArn)))
        {
            var first = names.First();
            var sets = names.Count() == 1
                ? await first.Account.Client.ListResourceRecordSetsAsync(first.Zone.Id, first.Name + ".", null, cancellationToken)
                : await first.Account.Client.ListResourceRecordSetsAsync(first.Zone.Id, null, null, cancellationToken);
            foreach (var (name, account, zone) in names)
            {
                var atName = sets.Where(s => DnsNames.SameName(s.Name, name)).ToList();
                result[name] = new ExportZone(zone, atName, account.ThroughRole ? account.Describe() : null);
            }
        }
        return result;
    }
}
