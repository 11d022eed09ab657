namespace MailFromConsole.LocalAws.Dns;

/// <summary>Name comparisons by labels, on the canonical form the zone data uses (lower case, trailing dot).</summary>
public static class DnsNames
{
    /// <summary>Lower case with exactly one trailing dot; "" and "." become the root ".".</summary>
    public static string Canonical(string name)
    {
        var trimmed = name.Trim().TrimEnd('.').ToLowerInvariant();
        return trimmed.Length == 0 ? "." : trimmed + ".";
    }

    /// <summary>True when <paramref name="name"/> equals <paramref name="apex"/> or lies below it (by labels, not by string suffix).</summary>
    public static bool IsAtOrBelow(string name, string apex)
    {
        var n = Canonical(name);
        var a = Canonical(apex);
        return a == "." || n == a || n.EndsWith("." + a, StringComparison.Ordinal);
    }

    /// <summary>True when <paramref name="name"/> lies strictly below <paramref name="apex"/>.</summary>
    public static bool IsBelow(string name, string apex) => IsAtOrBelow(name, apex) && Canonical(name) != Canonical(apex);

    /// <summary>The apex with the most labels that contains <paramref name="name"/>, or null when no zone does.</summary>
    public static string? DeepestApex(IEnumerable<string> apexes, string name)
    {
        string? best = null;
        foreach (var apex in apexes)
        {
            if (IsAtOrBelow(name, apex) && (best is null || LabelCount(apex) > LabelCount(best)))
            {
                best = Canonical(apex);
            }
        }

        return best;
    }

    public static int LabelCount(string name)
    {
        var c = Canonical(name);
        return c == "." ? 0 : c.Count(ch => ch == '.');
    }
}
