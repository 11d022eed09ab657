using System.Text;

namespace MailFromConsole.LocalAws.Route53;

/// <summary>Route 53's handling of DNS names: lower case, trailing dot, octal escapes such as <c>\052</c>.</summary>
internal static class DnsNames
{
    /// <summary>Lower case, trailing dot, <c>\ddd</c> escapes decoded; null when not a name Route 53 accepts.</summary>
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

    /// <summary>The name as Route 53 prints it: a leading wildcard label as <c>\052</c>.</summary>
    public static string Display(string name) => name.StartsWith("*.", StringComparison.Ordinal) ? @"\052" + name[1..] : name;

    /// <summary>True when <paramref name="name"/> is <paramref name="apex"/> or below it, by whole labels.</summary>
    public static bool IsWithin(string name, string apex) =>
        name == apex || name.EndsWith("." + apex, StringComparison.Ordinal);

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
