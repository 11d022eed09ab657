using MailFromConsole.Core.Route53;

namespace MailFromConsole.Core.Bulk;

/// <summary>
/// Packs the record changes of many names in one hosted zone into as few ChangeResourceRecordSets batches as
/// Route 53 accepts: at most 1,000 ResourceRecord elements and 32,000 characters of values per request, an UPSERT
/// counting twice. One name's changes stay together (its DELETE and CREATE must apply as one).
/// </summary>
public static class ChangeBatches
{
    public const int MaxRecords = 1000;
    public const int MaxValueCharacters = 32000;

    public static IReadOnlyList<IReadOnlyList<T>> Pack<T>(IEnumerable<T> items, Func<T, IReadOnlyList<RecordSetChange>> changesOf,
        int maxRecords = MaxRecords, int maxCharacters = MaxValueCharacters)
    {
        var batches = new List<IReadOnlyList<T>>();
        var current = new List<T>();
        int records = 0, characters = 0;
        foreach (var item in items)
        {
            var changes = changesOf(item);
            var itemRecords = changes.Sum(Records);
            var itemCharacters = changes.Sum(Characters);
            if (current.Count > 0 && (records + itemRecords > maxRecords || characters + itemCharacters > maxCharacters))
            {
                batches.Add(current);
                current = [];
                records = characters = 0;
            }
            // A name that alone exceeds a limit still goes alone: Route 53's refusal then names it.
            current.Add(item);
            records += itemRecords;
            characters += itemCharacters;
        }
        if (current.Count > 0) batches.Add(current);
        return batches;
    }

    public static int Records(RecordSetChange change) => change.RecordSet.Values.Count * Weight(change);

    /// <summary>The characters of the Value elements as sent: a TXT value is quoted in strings of at most 255, joined by spaces.</summary>
    public static int Characters(RecordSetChange change) =>
        change.RecordSet.Values.Sum(v => change.RecordSet.Type is "TXT" or "SPF" ? QuotedLength(v) : v.Length) * Weight(change);

    private static int QuotedLength(string value)
    {
        var strings = Math.Max(1, (value.Length + 254) / 255);
        return value.Length + value.Count(c => c is '"' or '\\') + 2 * strings + (strings - 1);
    }

    private static int Weight(RecordSetChange change) => change.Action == ChangeAction.Upsert ? 2 : 1;
}
