namespace MailFromConsole.Core.Deliverability;

/// <summary>
/// The organisational domain of a name (RFC 7489 section 3.2): its public suffix plus one label. This uses a small
/// public-suffix rule set — every top-level domain, plus the common two-label registry suffixes such as co.uk and com.au —
/// which covers the demo domains and common TLDs; it is not the full Public Suffix List.
/// </summary>
public static class OrganizationalDomain
{
    private static readonly HashSet<string> TwoLabelSuffixes = new(StringComparer.OrdinalIgnoreCase)
    {
        "co.uk", "org.uk", "me.uk", "ltd.uk", "plc.uk", "net.uk", "ac.uk", "gov.uk", "sch.uk",
        "com.au", "net.au", "org.au", "edu.au", "gov.au",
        "co.nz", "org.nz", "net.nz",
        "co.jp", "ne.jp", "or.jp", "ac.jp",
        "co.za", "org.za",
        "com.br", "net.br", "org.br",
        "co.in", "net.in", "org.in",
        "com.cn", "net.cn", "org.cn",
        "com.mx", "com.ar", "com.tr", "com.sg", "com.hk", "co.kr", "co.il", "com.tw",
    };

    /// <summary>The organisational domain of <paramref name="domain"/> (lower case, no trailing dot).</summary>
    public static string Of(string domain)
    {
        ArgumentNullException.ThrowIfNull(domain);
        var labels = domain.Trim().TrimEnd('.').ToLowerInvariant().Split('.');
        if (labels.Length <= 2)
        {
            return string.Join('.', labels);
        }

        var lastTwo = labels[^2] + "." + labels[^1];
        var keep = TwoLabelSuffixes.Contains(lastTwo) ? 3 : 2;
        return string.Join('.', labels[^keep..]);
    }

    /// <summary>Relaxed alignment: both names have the same organisational domain. Strict: they are the same name.</summary>
    public static bool Aligns(string fromDomain, string authenticatedDomain, AlignmentMode mode)
    {
        ArgumentNullException.ThrowIfNull(fromDomain);
        ArgumentNullException.ThrowIfNull(authenticatedDomain);
        return mode == AlignmentMode.Strict
            ? Normal(fromDomain) == Normal(authenticatedDomain)
            : Of(fromDomain) == Of(authenticatedDomain);
    }

    private static string Normal(string name) => name.Trim().TrimEnd('.').ToLowerInvariant();
}
