using System.Globalization;
using System.Text;

namespace MailFromConsole.Aws.Route53;

/// <summary>Route 53's spelling of DNS names: trailing dot, lower case, and <c>\DDD</c> octal escapes for other characters.</summary>
internal static class DnsNames
{
    private static readonly IdnMapping Idn = new();

    /// <summary>A name from Route 53, escapes decoded, lower case, with the trailing dot.</summary>
    public static string FromWire(string wireName)
    {
        var decoded = Route53Escapes.Decode(wireName).ToLowerInvariant();
        return decoded.EndsWith('.') ? decoded : decoded + ".";
    }

    /// <summary>The labels of a user-given name: trimmed, trailing dot removed, IDN to punycode, lower case.</summary>
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

    private static string Shown(string name) => name.Length > 60 ? name[..60] + "…" : name;

    /// <summary>True when both names have the same labels (case-insensitive, trailing dot ignored).</summary>
    public static bool SameName(string a, string b) =>
        string.Equals(a.TrimEnd('.'), b.TrimEnd('.'), StringComparison.OrdinalIgnoreCase);

    public static string Absolute(IEnumerable<string> labels)
    {
        var builder = new StringBuilder();
        foreach (var label in labels)
            builder.Append(label).Append('.');
        return builder.ToString();
    }
}
