using MailFromConsole.Core.Route53;
using MailFromConsole.LocalAws.Store;
using MailFromConsole.LocalAws.Wire;

namespace MailFromConsole.LocalAws.Route53;

/// <summary>
/// Applies a batch to a zone's record sets the way Route 53 does: in order, against the result of the earlier
/// changes, collecting every problem; any problem rejects the whole batch with InvalidChangeBatch.
/// </summary>
internal static class ChangeBatchApplier
{
    public static IReadOnlyList<RecordSetRow> Apply(string apex, IReadOnlyList<RecordSetRow> current, IReadOnlyList<RequestedChange> changes)
    {
        var sets = current.ToDictionary(r => (r.Name, r.Type));
        var problems = new List<string>();
        foreach (var change in changes)
        {
            var problem = ApplyOne(apex, sets, change);
            if (problem is not null)
            {
                problems.Add(problem);
            }
        }

        if (problems.Count > 0)
        {
            throw AwsError.InvalidChangeBatch(problems);
        }

        return [.. sets.Values];
    }

    private static string? ApplyOne(string apex, Dictionary<(string, string), RecordSetRow> sets, RequestedChange change)
    {
        var name = DnsNames.Normalize(change.RawName);
        if (name is null)
        {
            return $"FATAL problem: DomainNameInvalid encountered with '{change.RawName}'";
        }

        var type = change.Type;
        if (!DnsNames.IsAtOrBelow(name, apex))
        {
            return $"RRSet with DNS name {name} is not permitted in zone {apex}";
        }

        var valueProblem = change.Values.Select(v => RecordValues.Problem(type, v)).FirstOrDefault(p => p is not null);
        if (valueProblem is not null)
        {
            return valueProblem;
        }

        var duplicate = change.Values.GroupBy(v => v, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            return $"Duplicate Resource Record: '{duplicate.Key}'";
        }

        if (type == "CNAME" && change.Values.Count > 1)
        {
            return $"RRSet of type CNAME with DNS name {name} has more than one resource record";
        }

        var label = $"[name='{DnsNames.Display(name)}', type='{type}']";
        sets.TryGetValue((name, type), out var existing);
        var row = new RecordSetRow(name, type, change.Ttl, change.Values);
        switch (change.Action)
        {
            case ChangeVerb.Create when existing is not null:
                return $"Tried to create resource record set {label} but it already exists";
            case ChangeVerb.Create or ChangeVerb.Upsert:
                var conflict = CnameConflict(apex, sets, name, type);
                if (conflict is not null)
                {
                    return conflict;
                }

                sets[(name, type)] = row;
                return null;
            default:
                if (existing is null)
                {
                    return $"Tried to delete resource record set {label} but it was not found";
                }

                if (existing.Ttl != change.Ttl || !SameValues(type, existing.Values, change.Values))
                {
                    return $"Tried to delete resource record set {label} but the values provided do not match the current values";
                }

                if (name == apex && type is "SOA" or "NS")
                {
                    return type == "SOA"
                        ? "A HostedZone must contain exactly one SOA record."
                        : "A HostedZone must contain at least one NS record for the zone itself.";
                }

                sets.Remove((name, type));
                return null;
        }
    }

    private static string? CnameConflict(string apex, Dictionary<(string, string), RecordSetRow> sets, string name, string type)
    {
        if (type == "CNAME" && name == apex)
        {
            return $"RRSet of type CNAME with DNS name {name} is not permitted at apex in zone {apex}";
        }

        if (type == "CNAME" && sets.Keys.Any(k => k.Item1 == name && k.Item2 != "CNAME"))
        {
            return $"RRSet of type CNAME with DNS name {name} is not permitted as it conflicts with other records with the same DNS name in zone {apex}";
        }

        if (type != "CNAME" && sets.ContainsKey((name, "CNAME")))
        {
            return $"RRSet of type {type} with DNS name {name} is not permitted because a conflicting RRSet of type CNAME with the same DNS name already exists in zone {apex}";
        }

        return null;
    }

    // TXT text is compared exactly; host names in other types ignore case, as DNS does.
    private static bool SameValues(string type, IReadOnlyList<string> current, IReadOnlyList<string> requested)
    {
        var comparer = type is "TXT" or "SPF" ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase;
        return current.Count == requested.Count && current.Order(comparer).SequenceEqual(requested.Order(comparer), comparer);
    }
}
