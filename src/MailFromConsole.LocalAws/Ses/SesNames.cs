namespace MailFromConsole.LocalAws.Ses;

/// <summary>How SES reads domain names and addresses (its own checks, deliberately not the console's rules).</summary>
internal static class SesNames
{
    /// <summary>Lower case without a trailing dot; null when not a usable domain name (LDH labels 1–63, ≥ 2 labels, ≤ 253).</summary>
    public static string? NormalizeDomain(string? raw)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return null;
        }

        var name = raw.ToLowerInvariant();
        if (name.EndsWith('.'))
        {
            name = name[..^1];
        }

        var labels = name.Split('.');
        var valid = name.Length is > 0 and <= 253 && labels.Length >= 2 && labels.All(IsLdhLabel);
        return valid ? name : null;
    }

    /// <summary>The address with its domain part normalised; null when it is not an address SES accepts.</summary>
    public static string? NormalizeAddress(string? raw)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return null;
        }

        var at = raw.LastIndexOf('@');
        if (at <= 0 || at > 64)
        {
            return null;
        }

        var local = raw[..at];
        var domain = NormalizeDomain(raw[(at + 1)..]);
        var localOk = local.All(c => c is > ' ' and < (char)127 and not '<' and not '>' and not '(' and not ')' and not ',' and not ';' and not ':' and not '\\' and not '"' and not '[' and not ']' and not '@');
        return domain is not null && localOk ? local + "@" + domain : null;
    }

    /// <summary>An identity as SES keys it: domains lower case, addresses with the domain part lower case.</summary>
    public static string NormalizeIdentity(string raw) =>
        raw.Contains('@') ? NormalizeAddress(raw) ?? raw : NormalizeDomain(raw) ?? raw;

    /// <summary>The address inside a Source such as <c>"Name" &lt;user@example.com&gt;</c>.</summary>
    public static string AddressOf(string source)
    {
        var open = source.LastIndexOf('<');
        var close = source.LastIndexOf('>');
        return open >= 0 && close > open ? source[(open + 1)..close].Trim() : source.Trim();
    }

    /// <summary>True when <paramref name="candidate"/> is a proper subdomain of <paramref name="domain"/>, by labels.</summary>
    public static bool IsProperSubdomain(string candidate, string domain) =>
        candidate.Length > domain.Length + 1 && candidate.EndsWith("." + domain, StringComparison.Ordinal);

    /// <summary>The MAIL FROM SES uses when no custom one applies.</summary>
    public static string DefaultMailFromDomain(string region) =>
        region == "us-east-1" ? "amazonses.com" : region + ".amazonses.com";

    private static bool IsLdhLabel(string label) =>
        label.Length is > 0 and <= 63 &&
        label[0] != '-' && label[^1] != '-' &&
        label.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_');
}
