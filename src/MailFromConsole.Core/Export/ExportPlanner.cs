using System.Text;
using MailFromConsole.Core.Records;
using MailFromConsole.Core.Route53;

namespace MailFromConsole.Core.Export;

/// <summary>
/// Decides what an export holds for each identity, with the console's own publish plan (<see cref="RecordSetPlanner"/>):
/// one MX, the SPF value merged into an existing SPF record (other TXT values kept), and nothing where the console
/// itself would refuse to publish. A record set shared by several identities is exported once.
/// </summary>
public static class ExportPlanner
{
    private const int MaxKeyLength = 60;

    /// <param name="zones">The zone lookup of each identity's <see cref="ExportIdentity.MailFromDomain"/>; a missing one counts as no zone.</param>
    public static IReadOnlyList<ExportEntry> Plan(string region, IReadOnlyList<ExportIdentity> identities, IReadOnlyDictionary<string, ExportZone> zones)
    {
        AwsRegionName.Require(region);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var exported = new Dictionary<(string Zone, string Name, string Type), string>();
        var entries = new List<ExportEntry>();
        foreach (var identity in identities.DistinctBy(i => i.Identity, StringComparer.Ordinal))
        {
            var name = identity.MailFromDomain;
            var lookup = zones.GetValueOrDefault(name) ?? ExportZone.None;
            var notes = new List<string>();
            if (!identity.Verified)
                notes.Add($"{identity.Identity} is not verified yet: SES refuses a MAIL FROM domain until it is.");
            if (!identity.IsSet)
                notes.Add($"No MAIL FROM domain is set in SES yet: {name} is the console's proposal.");
            var records = new List<ExportRecord>();
            var zone = lookup.Zone;
            if (zone is null)
            {
                notes.Add($"No public hosted zone for {name} in this account: the MX and SPF records are omitted; add them at your DNS provider.");
            }
            else
            {
                if (lookup.Account is not null)
                    notes.Add($"The hosted zone {zone.Name.TrimEnd('.')} is in {lookup.Account}: apply the records with a provider for that account.");
                var plan = RecordSetPlanner.MailFrom(name, region, lookup.SetsAtName);
                notes.AddRange(plan.Notes);
                if (plan.Refusal is not null)
                {
                    notes.Add("The records are omitted: " + plan.Refusal);
                    zone = null;
                }
                else
                {
                    records.AddRange(Records(identity.Identity, zone, plan, lookup.SetsAtName, exported, notes));
                }
            }
            entries.Add(new ExportEntry(identity, UniqueKey(identity.Identity, keys), name, identity.Behavior, zone, records, notes));
        }
        return entries;
    }

    private static IEnumerable<ExportRecord> Records(string identity, HostedZone zone, RecordSetPlan plan, IReadOnlyList<ResourceRecordSet> setsAtName,
        Dictionary<(string Zone, string Name, string Type), string> exported, List<string> notes)
    {
        foreach (var line in plan.Lines)
        {
            var name = line.Name.TrimEnd('.');
            if (!exported.TryAdd((zone.Id, name, line.Type), identity))
            {
                notes.Add($"The {line.Type} record at {name} is exported with {exported[(zone.Id, name, line.Type)]}.");
                continue;
            }
            if (line.Kind == PreviewLineKind.Change)
                notes.Add($"The existing {line.Type} record at {name} is adopted and changed ({string.Join(", ", line.Before)} → {string.Join(", ", line.After)}).");
            var existing = setsAtName.FirstOrDefault(s => s.Type == line.Type);
            yield return new ExportRecord(name, line.Type, existing?.Ttl ?? RecordSetPlanner.DefaultTtl, line.After, existing is not null);
        }
    }

    /// <summary>Letters, digits and underscores, starting with a letter, unique in the document.</summary>
    internal static string UniqueKey(string text, HashSet<string> taken)
    {
        var builder = new StringBuilder();
        foreach (var c in text.ToLowerInvariant().Take(MaxKeyLength))
            builder.Append(c is >= 'a' and <= 'z' or >= '0' and <= '9' ? c : '_');
        if (builder.Length == 0 || builder[0] is < 'a' or > 'z') builder.Insert(0, "id_");
        var key = builder.ToString();
        for (var n = 2; !taken.Add(key); n++)
            key = $"{builder}_{n}";
        return key;
    }
}
