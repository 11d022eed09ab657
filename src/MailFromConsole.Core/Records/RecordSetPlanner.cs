using MailFromConsole.Core.Deliverability;
using MailFromConsole.Core.Route53;
using MailFromConsole.Core.Spf;

namespace MailFromConsole.Core.Records;

/// <summary>
/// The console's decision of what to publish at a name, from the record sets already there: one MX to the region's
/// feedback host, one SPF record merged into the other TXT values, and verification tokens of other regions kept.
/// </summary>
public static class RecordSetPlanner
{
    public const long DefaultTtl = 300;

    /// <summary>The MX and SPF records of a MAIL FROM domain in <paramref name="region"/>.</summary>
    /// <param name="setsAtName">The record sets at the name (any type), as Route 53 lists them.</param>
    public static RecordSetPlan MailFrom(string mailFromDomain, string region, IReadOnlyList<ResourceRecordSet> setsAtName)
    {
        var fqdn = Fqdn(mailFromDomain);
        if (CnameRefusal(mailFromDomain, setsAtName) is { } cname) return RecordSetPlan.Refused(cname);

        var lines = new List<PreviewLine>();
        var changes = new List<RecordSetChange>();
        var notes = new List<string>();
        var wantedMx = $"10 {RequiredRecords.FeedbackHost(region)}.";

        var mx = setsAtName.FirstOrDefault(s => s.Type == "MX");
        if (mx is null)
        {
            changes.Add(new RecordSetChange(ChangeAction.Create, new ResourceRecordSet(fqdn, "MX", DefaultTtl, [wantedMx])));
            lines.Add(new PreviewLine(fqdn, "MX", PreviewLineKind.Add, [], [wantedMx]));
        }
        else
        {
            var hosts = mx.Values.Select(MxHost).ToList();
            var foreign = hosts.Where(h => !RequiredRecords.IsSesFeedbackHost(h)).ToList();
            if (foreign.Count > 0)
            {
                return RecordSetPlan.Refused($"{mailFromDomain} already receives mail (MX to {string.Join(", ", foreign)}). " +
                    "A MAIL FROM domain must not be used to receive email: pick another subdomain, such as bounce." +
                    string.Join('.', mailFromDomain.Split('.').Skip(1)) + ".");
            }
            if (mx.Values.Count == 1)
            {
                lines.Add(new PreviewLine(fqdn, "MX", PreviewLineKind.Unchanged, mx.Values, mx.Values));
                if (!string.Equals(hosts[0], RequiredRecords.FeedbackHost(region), StringComparison.OrdinalIgnoreCase))
                    notes.Add($"The MX already points at SES in another region ({hosts[0]}); one MX serves every region that uses this MAIL FROM domain.");
            }
            else
            {
                // Several MX records make the SES setup fail: replace them with exactly one.
                changes.Add(new RecordSetChange(ChangeAction.Delete, mx));
                changes.Add(new RecordSetChange(ChangeAction.Create, new ResourceRecordSet(fqdn, "MX", mx.Ttl, [wantedMx])));
                lines.Add(new PreviewLine(fqdn, "MX", PreviewLineKind.Change, mx.Values, [wantedMx]));
                notes.Add("The name had several MX records; SES needs exactly one.");
            }
        }

        var txt = setsAtName.FirstOrDefault(s => s.Type == "TXT");
        var merge = SpfMerge.Merge(txt?.Values ?? []);
        notes.AddRange(merge.Problems);
        if (!merge.CanPublish)
            return RecordSetPlan.Refused("The SPF record at this name cannot be merged safely: " + string.Join(" ", merge.Problems));
        AddTxtChange(fqdn, txt, merge.Changed ? merge.TxtValues : null, lines, changes);
        return new RecordSetPlan(lines, changes, null, notes);
    }

    /// <summary>A domain's verification token at <c>_amazonses.&lt;domain&gt;</c>, next to the other regions' tokens.</summary>
    public static RecordSetPlan Verification(string name, string token, IReadOnlyList<ResourceRecordSet> setsAtName)
    {
        if (CnameRefusal(name, setsAtName) is { } cname) return RecordSetPlan.Refused(cname);
        var fqdn = Fqdn(name);
        var lines = new List<PreviewLine>();
        var changes = new List<RecordSetChange>();
        var txt = setsAtName.FirstOrDefault(s => s.Type == "TXT");
        var existing = txt?.Values ?? [];
        // Tokens of other regions stay: each region verifies with its own value in the same record set.
        var merged = existing.Contains(token) ? null : existing.Append(token).ToList();
        AddTxtChange(fqdn, txt, merged, lines, changes);
        var notes = existing.Count > 0 && merged is not null
            ? new[] { "The existing verification tokens (other regions) are kept." }
            : Array.Empty<string>();
        return new RecordSetPlan(lines, changes, null, notes);
    }

    /// <summary>The three Easy DKIM CNAMEs of <paramref name="domain"/>; a name holding anything else is left alone and refused.</summary>
    /// <param name="setsByName">The record sets at each CNAME's name (any type), as Route 53 lists them.</param>
    public static RecordSetPlan Dkim(string domain, IReadOnlyList<string> tokens, IReadOnlyDictionary<string, IReadOnlyList<ResourceRecordSet>> setsByName)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(setsByName);
        var lines = new List<PreviewLine>();
        var changes = new List<RecordSetChange>();
        foreach (var token in tokens)
        {
            var name = DkimRecords.Name(domain, token);
            var fqdn = Fqdn(name);
            var target = DkimRecords.Target(token) + ".";
            var sets = setsByName.GetValueOrDefault(name) ?? [];
            if (sets.FirstOrDefault(s => s.Type == "CNAME") is { } cname)
            {
                if (cname.Values.Count == 1 && string.Equals(cname.Values[0].TrimEnd('.'), target.TrimEnd('.'), StringComparison.OrdinalIgnoreCase))
                {
                    lines.Add(new PreviewLine(fqdn, "CNAME", PreviewLineKind.Unchanged, cname.Values, cname.Values));
                    continue;
                }
                return RecordSetPlan.Refused($"{name} is already a CNAME to {string.Join(", ", cname.Values)}, not to {target.TrimEnd('.')}. " +
                    "The console does not replace it: if that record is no longer used, delete it in Route 53 and publish again.");
            }
            if (sets.Count > 0)
            {
                return RecordSetPlan.Refused($"{name} already has {string.Join(" and ", sets.Select(s => s.Type).Distinct())} records, and a CNAME cannot sit beside other records. " +
                    "Remove them in Route 53 first if they are not used.");
            }
            changes.Add(new RecordSetChange(ChangeAction.Create, new ResourceRecordSet(fqdn, "CNAME", DefaultTtl, [target])));
            lines.Add(new PreviewLine(fqdn, "CNAME", PreviewLineKind.Add, [], [target]));
        }
        return new RecordSetPlan(lines, changes, null, []);
    }

    /// <summary>
    /// One DMARC record at <c>_dmarc.&lt;domain&gt;</c>: other TXT values there are kept, and any DMARC record already
    /// there is replaced (never a second one beside it), which the user must confirm with the old and new values shown.
    /// </summary>
    public static RecordSetPlan Dmarc(string domain, string record, IReadOnlyList<ResourceRecordSet> setsAtName)
    {
        ArgumentNullException.ThrowIfNull(setsAtName);
        var name = "_dmarc." + domain.TrimEnd('.').ToLowerInvariant();
        if (CnameRefusal(name, setsAtName) is { } cname) return RecordSetPlan.Refused(cname);
        var fqdn = Fqdn(name);
        var lines = new List<PreviewLine>();
        var changes = new List<RecordSetChange>();
        var txt = setsAtName.FirstOrDefault(s => s.Type == "TXT");
        var existing = txt?.Values ?? [];
        var dmarc = existing.Where(DmarcRecord.IsDmarc).ToList();
        if (dmarc.Count == 1 && dmarc[0] == record)
        {
            AddTxtChange(fqdn, txt, null, lines, changes);
            return new RecordSetPlan(lines, changes, null, []);
        }
        var after = existing.Where(v => !DmarcRecord.IsDmarc(v)).Append(record).ToList();
        AddTxtChange(fqdn, txt, after, lines, changes);
        if (dmarc.Count == 0) return new RecordSetPlan(lines, changes, null, existing.Count > 0 ? ["The other TXT values at this name are kept."] : []);
        var old = string.Join(" and ", dmarc.Select(d => $"\"{d}\""));
        return new RecordSetPlan(lines, changes, null, [$"{name} has {(dmarc.Count == 1 ? "a DMARC record" : $"{dmarc.Count} DMARC records")} already; publishing replaces {(dmarc.Count == 1 ? "it" : "them")} with one."])
        {
            Confirmation = $"Replace the DMARC record {old} at {name} with \"{record}\"? Receivers apply the new policy to mail from {domain.TrimEnd('.').ToLowerInvariant()} at once.",
        };
    }

    private static string Fqdn(string name) => name.TrimEnd('.').ToLowerInvariant() + ".";

    private static string? CnameRefusal(string name, IReadOnlyList<ResourceRecordSet> setsAtName) =>
        setsAtName.FirstOrDefault(s => s.Type == "CNAME") is { } cname
            ? $"{name.TrimEnd('.').ToLowerInvariant()} is a CNAME (to {string.Join(", ", cname.Values)}). A name with a CNAME cannot have MX or TXT records: pick another subdomain, or remove the CNAME first."
            : null;

    private static void AddTxtChange(string fqdn, ResourceRecordSet? existing, IReadOnlyList<string>? after, List<PreviewLine> lines, List<RecordSetChange> changes)
    {
        if (after is null)
        {
            if (existing is not null) lines.Add(new PreviewLine(fqdn, "TXT", PreviewLineKind.Unchanged, existing.Values, existing.Values));
            return;
        }
        if (existing is null)
        {
            changes.Add(new RecordSetChange(ChangeAction.Create, new ResourceRecordSet(fqdn, "TXT", DefaultTtl, after)));
            lines.Add(new PreviewLine(fqdn, "TXT", PreviewLineKind.Add, [], after));
            return;
        }
        changes.Add(new RecordSetChange(ChangeAction.Delete, existing));
        changes.Add(new RecordSetChange(ChangeAction.Create, existing with { Values = after }));
        lines.Add(new PreviewLine(fqdn, "TXT", PreviewLineKind.Change, existing.Values, after));
    }

    private static string MxHost(string value)
    {
        var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return (parts.Length > 1 ? parts[1] : parts[0]).TrimEnd('.').ToLowerInvariant();
    }
}
