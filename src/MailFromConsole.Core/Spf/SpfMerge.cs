using System.Text;
using MailFromConsole.Core.Records;

namespace MailFromConsole.Core.Spf;

public static class SpfMerge
{
    public const string AmazonSesInclude = "include:amazonses.com";
    public const int MaxCharacterStringBytes = 255;

    /// <summary>Given the TXT values already at the name (plain text, strings joined), the TXT record set to publish.</summary>
    public static SpfMergeResult Merge(IReadOnlyList<string> existingTxtValues)
    {
        var existing = (existingTxtValues ?? []).Select(v => v ?? "").ToList();
        var spfIndexes = Enumerable.Range(0, existing.Count).Where(i => SpfRecord.IsSpf(existing[i])).ToList();

        if (spfIndexes.Count > 1)
        {
            return Refused(existing,
                $"There are {spfIndexes.Count} SPF records (TXT values starting with v=spf1) at this name. Receivers treat that as an error " +
                "and SPF fails for all mail. Combine them by hand into one record that also contains include:amazonses.com, then try again.");
        }

        if (spfIndexes.Count == 0)
        {
            var added = existing.Append(RequiredRecords.SpfValue).ToList();
            return new SpfMergeResult(added, true, LengthProblems(added), true);
        }

        var index = spfIndexes[0];
        var spf = SpfRecord.Parse(existing[index]);
        var problems = new List<string>();
        var qualifier = spf.AmazonSesIncludeQualifier;
        if (qualifier is '+')
        {
            AddLookupProblem(spf, problems);
            problems.AddRange(LengthProblems(existing));
            return new SpfMergeResult(existing, false, problems, !HasBlocking(spf));
        }

        if (qualifier is not null)
        {
            return Refused(existing,
                $"The SPF record has '{qualifier}include:amazonses.com', which tells receivers not to trust mail sent through SES. " +
                "Change it to 'include:amazonses.com' (without the qualifier) by hand.");
        }

        var merged = SpfRecord.Parse(spf.WithTermBeforeAll(AmazonSesInclude));
        var values = existing.ToList();
        values[index] = merged.Text;
        AddLookupProblem(merged, problems);
        problems.AddRange(LengthProblems(values));
        return new SpfMergeResult(values, true, problems, !HasBlocking(merged));
    }

    /// <summary>Splits a TXT value into character-strings of at most 255 bytes (for the wire and zone files).</summary>
    public static IReadOnlyList<string> SplitCharacterStrings(string value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return [""];
        }

        var parts = new List<string>();
        var start = 0;
        var bytes = 0;
        for (var i = 0; i < value.Length; i++)
        {
            // Never split a surrogate pair: take both halves together.
            var width = char.IsHighSurrogate(value[i]) && i + 1 < value.Length ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(value.AsSpan(i, width));
            if (bytes + size > MaxCharacterStringBytes)
            {
                parts.Add(value[start..i]);
                start = i;
                bytes = 0;
            }

            bytes += size;
            i += width - 1;
        }

        parts.Add(value[start..]);
        return parts;
    }

    private static bool HasBlocking(SpfRecord record) => record.DnsLookupCount > SpfRecord.MaxDnsLookups;

    private static void AddLookupProblem(SpfRecord record, List<string> problems)
    {
        var count = record.DnsLookupCount;
        if (count > SpfRecord.MaxDnsLookups)
        {
            problems.Add(
                $"The SPF record needs {count} DNS lookups (include, a, mx, ptr, exists and redirect terms); receivers stop at " +
                $"{SpfRecord.MaxDnsLookups} and SPF then fails for all mail. Remove terms you no longer need before adding SES.");
        }
    }

    private static List<string> LengthProblems(IEnumerable<string> values) =>
        values.Where(v => Encoding.UTF8.GetByteCount(v) > MaxCharacterStringBytes)
            .Select(v =>
                $"A TXT value at this name is {Encoding.UTF8.GetByteCount(v)} characters long; one DNS text string holds at most " +
                $"{MaxCharacterStringBytes}, so it is published split into {SplitCharacterStrings(v).Count} strings that receivers join again. " +
                "If you copy it by hand, keep the split and the quotes of each part.")
            .ToList();

    private static SpfMergeResult Refused(IReadOnlyList<string> existing, string problem) => new(existing, false, [problem], false);
}
