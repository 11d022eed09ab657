using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MailFromConsole.Core.Route53;
using MailFromConsole.LocalAws.Dns;

namespace MailFromConsole.LocalAws.OutsideDns;

/// <summary>
/// Turns what a user types at a DNS provider into canonical record data, refusing what a provider would refuse.
/// Names may be given relative to the zone (<c>mail</c>), fully qualified (<c>mail.example.com</c>) or as <c>@</c>.
/// </summary>
public static class OutsideRecordInput
{
    public const long MaxTtl = int.MaxValue;
    public const int MaxTxtLength = 4000;

    public static readonly IReadOnlyList<string> Types = ["MX", "TXT", "CNAME", "A", "AAAA", "NS"];

    private static readonly IdnMapping Idn = new() { AllowUnassigned = false, UseStd3AsciiRules = false };

    /// <summary>A zone apex: a valid DNS name of at least two labels, canonical (lower case, trailing dot).</summary>
    public static string Apex(string? input)
    {
        var apex = DomainName(input, "zone name");
        if (DnsNames.LabelCount(apex) < 2)
        {
            throw new OutsideDnsException($"'{apex}' is a top-level domain; a zone needs at least two labels, such as example.com.");
        }

        return apex;
    }

    /// <summary>The record's owner name inside the zone.</summary>
    public static string Name(string? input, string apex)
    {
        var raw = (input ?? string.Empty).Trim();
        if (raw is "" or "@")
        {
            return apex;
        }

        var candidate = DomainName(raw, "record name");
        if (DnsNames.IsAtOrBelow(candidate, apex))
        {
            return candidate;
        }

        // Like most providers' "host" field: a relative name is completed with the zone.
        if (raw.EndsWith('.'))
        {
            throw new OutsideDnsException($"'{raw}' is not inside the zone {apex}.");
        }

        return DomainName(raw.TrimEnd('.') + "." + apex, "record name");
    }

    public static string Type(string? input)
    {
        var type = (input ?? string.Empty).Trim().ToUpperInvariant();
        return Types.Contains(type)
            ? type
            : throw new OutsideDnsException($"Record type '{input}' is not supported here; use one of {string.Join(", ", Types)}.");
    }

    public static long Ttl(long? ttl)
    {
        var value = ttl ?? 300;
        return value is >= 0 and <= MaxTtl
            ? value
            : throw new OutsideDnsException($"TTL must be between 0 and {MaxTtl} seconds.");
    }

    /// <summary>The value in the form the DNS view serves: MX "10 host.", CNAME/NS "host.", TXT plain text.</summary>
    public static string Value(string type, string? input)
    {
        var raw = (input ?? string.Empty).Trim();
        if (raw.Length == 0)
        {
            throw new OutsideDnsException("The value is empty.");
        }

        if (raw.Any(char.IsControl))
        {
            throw new OutsideDnsException("The value contains a line break or another control character.");
        }

        if (!IsWellFormedUtf16(raw))
        {
            throw new OutsideDnsException("The value contains a broken character (a lone surrogate).");
        }

        switch (type)
        {
            case "A":
                return IPAddress.TryParse(raw, out var v4) && v4.AddressFamily == AddressFamily.InterNetwork && raw.Count(c => c == '.') == 3
                    ? v4.ToString()
                    : throw new OutsideDnsException($"'{raw}' is not an IPv4 address.");
            case "AAAA":
                return IPAddress.TryParse(raw, out var v6) && v6.AddressFamily == AddressFamily.InterNetworkV6
                    ? v6.ToString()
                    : throw new OutsideDnsException($"'{raw}' is not an IPv6 address.");
            case "CNAME":
            case "NS":
                return DomainName(raw, "target host");
            case "MX":
                var parts = raw.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length != 2 || !ushort.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var preference))
                {
                    throw new OutsideDnsException($"An MX value is a priority and a host, such as '10 feedback-smtp.us-east-1.amazonses.com'; '{raw}' is not.");
                }

                return preference.ToString(CultureInfo.InvariantCulture) + " " + DomainName(parts[1], "mail server");
            case "TXT":
                var text = Unquote(raw);
                if (Encoding.UTF8.GetByteCount(text) > MaxTxtLength)
                {
                    throw new OutsideDnsException($"A TXT value may hold at most {MaxTxtLength} characters.");
                }

                return text;
            default:
                throw new OutsideDnsException($"Record type '{type}' is not supported here.");
        }
    }

    /// <summary>A valid DNS name (labels 1–63 of letters, digits, hyphens, underscores; at most 253), IDN as punycode.</summary>
    public static string DomainName(string? input, string what)
    {
        var raw = (input ?? string.Empty).Trim();
        var trimmed = raw.EndsWith('.') ? raw[..^1] : raw;
        if (trimmed.Length == 0)
        {
            throw new OutsideDnsException($"The {what} is empty.");
        }

        string ascii;
        try
        {
            ascii = Idn.GetAscii(trimmed).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            throw new OutsideDnsException($"The {what} '{raw}' is not a valid domain name.");
        }

        if (ascii.Length > 253)
        {
            throw new OutsideDnsException($"The {what} is longer than 253 characters.");
        }

        foreach (var label in ascii.Split('.'))
        {
            if (label.Length is 0 or > 63)
            {
                throw new OutsideDnsException($"The {what} '{raw}' has an empty label or one longer than 63 characters.");
            }

            if (!label.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_') || label.StartsWith('-') || label.EndsWith('-'))
            {
                throw new OutsideDnsException($"The {what} '{raw}' may contain only letters, digits and hyphens (not at a label's start or end).");
            }
        }

        return ascii + ".";
    }

    // A lone surrogate would silently become U+FFFD in SQLite and on the wire, so DNS would serve other text than was typed.
    private static bool IsWellFormedUtf16(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Accepts both plain text and the quoted zone-file form ("part one" "part two").</summary>
    private static string Unquote(string raw)
    {
        if (raw.Length < 2 || raw[0] != '"' || raw[^1] != '"')
        {
            return raw;
        }

        var result = new StringBuilder();
        var inside = false;
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c == '"')
            {
                inside = !inside;
            }
            else if (inside && c == '\\' && i + 1 < raw.Length)
            {
                result.Append(raw[++i]);
            }
            else if (inside)
            {
                result.Append(c);
            }
            else if (c != ' ')
            {
                // Text between quoted strings: this was not the quoted form after all.
                return raw;
            }
        }

        return inside ? raw : result.ToString();
    }
}
