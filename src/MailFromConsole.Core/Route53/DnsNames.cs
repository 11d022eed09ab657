using System.Globalization;
using System.Text;

namespace MailFromConsole.Core.Route53;

/// <summary>
/// DNS names as Route 53 and the DNS view spell and compare them: lower case, one trailing dot, compared by whole
/// labels. The one place for it: the wire client, the local Route 53 and its DNS server all use it.
/// </summary>
public static class DnsNames
{
    private static readonly IdnMapping Idn = new();

    /// <summary>Lower case with exactly one trailing dot; "" and "." become the root ".".</summary>
    public static string Canonical(string name)
    {
        var trimmed = name.Trim().TrimEnd('.').ToLowerInvariant();
        return trimmed.Length == 0 ? "." : trimmed + ".";
    }

    /// <summary>True when both names have the same labels (case-insensitive, trailing dot ignored).</summary>
    public static bool SameName(string a, string b) =>
        string.Equals(a.TrimEnd('.'), b.TrimEnd('.'), StringComparison.OrdinalIgnoreCase);

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

    /// <summary>Route 53's order: labels compared from the right (com, example, mail …).</summary>
    public static int CompareReversed(string a, string b)
    {
        var left = a.TrimEnd('.').Split('.').Reverse().ToArray();
        var right = b.TrimEnd('.').Split('.').Reverse().ToArray();
        for (var i = 0; i < Math.Min(left.Length, right.Length); i++)
        {
            var c = string.CompareOrdinal(left[i], right[i]);
            if (c != 0)
            {
                return c;
            }
        }

        return left.Length.CompareTo(right.Length);
    }

    /// <summary>The name as Route 53 prints it: a leading wildcard label as <c>\052</c>.</summary>
    public static string Display(string name) => name.StartsWith("*.", StringComparison.Ordinal) ? @"\052" + name[1..] : name;

    /// <summary>
    /// A name as Route 53 accepts it in a request: lower case, trailing dot, <c>\ddd</c> octal escapes decoded; null
    /// when Route 53 would refuse it (bad escape, empty or over-long label, more than 255 characters).
    /// </summary>
    public static string? Normalize(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var decoded = DecodeEscapes(raw.Trim());
        if (decoded is null)
        {
            return null;
        }

        var name = decoded.ToLowerInvariant();
        if (!name.EndsWith('.'))
        {
            name += ".";
        }

        if (name == ".")
        {
            return name;
        }

        var labels = name[..^1].Split('.');
        var valid = name.Length <= 255 &&
                    labels.All(l => l.Length is > 0 and <= 63 && l.All(c => c is > ' ' and < (char)127 and not '"' and not '\\'));
        return valid ? name : null;
    }

    /// <summary>The labels of a user-given name: trimmed, trailing dot removed, IDN to punycode, lower case.</summary>
    /// <exception cref="ArgumentException">Empty, an empty label, or longer than a DNS name can be.</exception>
    public static IReadOnlyList<string> Labels(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var trimmed = name.Trim().TrimEnd('.');
        if (trimmed.Length == 0)
            throw new ArgumentException("A domain name is required.", nameof(name));
        var ascii = trimmed.Any(c => c > 0x7F) ? Idn.GetAscii(trimmed) : trimmed;
        var labels = ascii.ToLowerInvariant().Split('.');
        if (labels.Any(l => l.Length == 0))
            throw new ArgumentException($"'{Shown(name)}' has an empty label.", nameof(name));
        // No DNS name is longer: refusing here keeps a 5,000-label input from becoming 5,000 zone look-ups.
        if (ascii.Length > 253 || labels.Any(l => l.Length > 63))
            throw new ArgumentException($"'{Shown(name)}' is longer than a DNS name can be (253 characters, 63 per label).", nameof(name));
        return labels;
    }

    /// <summary>The absolute name (trailing dot) of <paramref name="labels"/>.</summary>
    public static string Absolute(IEnumerable<string> labels)
    {
        var builder = new StringBuilder();
        foreach (var label in labels)
            builder.Append(label).Append('.');
        return builder.ToString();
    }

    private static string Shown(string name) => name.Length > 60 ? name[..60] + "…" : name;

    private static string? DecodeEscapes(string raw)
    {
        if (!raw.Contains('\\'))
        {
            return raw;
        }

        var builder = new StringBuilder(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] != '\\')
            {
                builder.Append(raw[i]);
                continue;
            }

            if (i + 3 < raw.Length)
            {
                var digits = raw.Substring(i + 1, 3);
                if (digits.All(c => c is >= '0' and <= '7'))
                {
                    // Route 53 escapes are octal: \052 is '*'.
                    builder.Append((char)Convert.ToInt32(digits, 8));
                    i += 3;
                    continue;
                }
            }

            return null;
        }

        return builder.ToString();
    }
}
