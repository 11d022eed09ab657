using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MailFromConsole.Core.Route53;

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

    private const string NotQuoted = "InvalidCharacterString (Value should be enclosed in quotation marks)";

    /// <summary>The character-strings of a quoted TXT value ("a" "b" → [a, b]); null when it is not valid.</summary>
    public static IReadOnlyList<string>? TxtStrings(string value) => ParseTxt(value, out _);

    // Route 53 reads \ddd as an octal escape (\052 is '*'); a backslash and a digit starting anything else
    // (\989, \12", \400) is refused, not guessed at.
    private static IReadOnlyList<string>? ParseTxt(string value, out string? problem)
    {
        problem = null;
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
                problem = Fatal(NotQuoted, value);
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

                if (c == '\\' && i + 1 < value.Length && char.IsAsciiDigit(value[i + 1]))
                {
                    var escape = value.Substring(i, Math.Min(4, value.Length - i));
                    if (escape.Length < 4 || !escape[1..].All(d => d is >= '0' and <= '7') || escape[1] > '3')
                    {
                        // Our wording: AWS's message for a bad escape is not documented.
                        problem = Fatal($"InvalidEscapeSequence ({escape.TrimEnd('"')} is not an octal escape from \\000 to \\377)", value);
                        return null;
                    }

                    text.Append((char)Convert.ToInt32(escape[1..], 8));
                    i += 4;
                    continue;
                }

                if (c == '\\' && i + 1 < value.Length)
                {
                    text.Append(value[i + 1]);
                    i += 2;
                    continue;
                }

                text.Append(c);
                i++;
            }

            if (!closed || (i < value.Length && value[i] != ' '))
            {
                problem = Fatal(NotQuoted, value);
                return null;
            }

            strings.Add(text.ToString());
        }

        if (strings.Count == 0)
        {
            problem = Fatal(NotQuoted, value);
            return null;
        }

        return strings;
    }

    private static string? TxtProblem(string value)
    {
        var strings = ParseTxt(value, out var problem);
        if (strings is null)
        {
            return problem;
        }

        return strings.Any(s => Encoding.UTF8.GetByteCount(s) > 255) ? Fatal("TXTRDATATooLong", value) : null;
    }

    private static string Fatal(string problem, string value) =>
        $"Invalid Resource Record: 'FATAL problem: {problem} encountered with '{value}''";
}
