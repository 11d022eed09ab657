using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace MailFromConsole.LocalAws.Route53;

/// <summary>Route 53's checks of record values, with its "Invalid Resource Record" wording.</summary>
internal static class RecordValues
{
    public static readonly IReadOnlySet<string> SupportedTypes =
        new HashSet<string>(StringComparer.Ordinal) { "A", "AAAA", "CAA", "CNAME", "MX", "NAPTR", "NS", "PTR", "SOA", "SPF", "SRV", "TXT" };

    /// <summary>The problem with <paramref name="value"/> for <paramref name="type"/>, or null when Route 53 accepts it.</summary>
    public static string? Problem(string type, string value)
    {
        switch (type)
        {
            case "TXT" or "SPF":
                return TxtProblem(value);
            case "MX":
                var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length != 2)
                {
                    return Fatal("MXRRDATANotTwoFields (MX record must have exactly two fields)", value);
                }

                if (!ushort.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out _))
                {
                    return Fatal("MXPriorityInvalid (MX priority must be a number from 0 to 65535)", value);
                }

                return DnsNames.Normalize(parts[1]) is null ? Fatal("DomainNameInvalid", value) : null;
            case "CNAME" or "NS" or "PTR":
                return DnsNames.Normalize(value) is null ? Fatal("DomainNameInvalid", value) : null;
            case "A":
                return IPAddress.TryParse(value, out var v4) && v4.AddressFamily == AddressFamily.InterNetwork && value.Count(c => c == '.') == 3
                    ? null
                    : Fatal("ARRDATAIllegalIPv4Address (Value is not a valid IPv4 address)", value);
            case "AAAA":
                return IPAddress.TryParse(value, out var v6) && v6.AddressFamily == AddressFamily.InterNetworkV6
                    ? null
                    : Fatal("AAAARRDATAIllegalIPv6Address (Value is not a valid IPv6 address)", value);
            default:
                return string.IsNullOrWhiteSpace(value) ? Fatal("EmptyValue", value) : null;
        }
    }

    /// <summary>The character-strings of a quoted TXT value ("a" "b" → [a, b]); null when it is not properly quoted.</summary>
    public static IReadOnlyList<string>? TxtStrings(string value)
    {
        var strings = new List<string>();
        var i = 0;
        while (i < value.Length)
        {
            if (value[i] == ' ')
            {
                i++;
                continue;
            }

            if (value[i] != '"')
            {
                return null;
            }

            var text = new StringBuilder();
            i++;
            var closed = false;
            while (i < value.Length)
            {
                var c = value[i];
                if (c == '"')
                {
                    closed = true;
                    i++;
                    break;
                }

                if (c == '\\' && i + 1 < value.Length)
                {
                    if (i + 3 < value.Length && value.Substring(i + 1, 3).All(char.IsAsciiDigit))
                    {
                        text.Append((char)Convert.ToInt32(value.Substring(i + 1, 3), 8));
                        i += 4;
                        continue;
                    }

                    text.Append(value[i + 1]);
                    i += 2;
                    continue;
                }

                text.Append(c);
                i++;
            }

            if (!closed || (i < value.Length && value[i] != ' '))
            {
                return null;
            }

            strings.Add(text.ToString());
        }

        return strings.Count == 0 ? null : strings;
    }

    private static string? TxtProblem(string value)
    {
        var strings = TxtStrings(value);
        if (strings is null)
        {
            return Fatal("InvalidCharacterString (Value should be enclosed in quotation marks)", value);
        }

        return strings.Any(s => Encoding.UTF8.GetByteCount(s) > 255) ? Fatal("TXTRDATATooLong", value) : null;
    }

    private static string Fatal(string problem, string value) =>
        $"Invalid Resource Record: 'FATAL problem: {problem} encountered with '{value}''";
}
