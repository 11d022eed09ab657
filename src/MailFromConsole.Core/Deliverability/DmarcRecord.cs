using System.Globalization;

namespace MailFromConsole.Core.Deliverability;

/// <summary>A DMARC policy record (RFC 7489 section 6.3), the TXT value at <c>_dmarc.&lt;domain&gt;</c>.</summary>
/// <param name="SubdomainPolicy">The <c>sp=</c> value; null when absent (subdomains then get <see cref="Policy"/>).</param>
public sealed record DmarcRecord(
    string Text,
    DmarcPolicy Policy,
    DmarcPolicy? SubdomainPolicy,
    int Percent,
    IReadOnlyList<string> AggregateReportUris,
    IReadOnlyList<string> FailureReportUris,
    AlignmentMode SpfAlignment,
    AlignmentMode DkimAlignment)
{
    private const string Version = "DMARC1";

    /// <summary>The policy for mail whose From domain is the record's own domain, or one of its subdomains.</summary>
    public DmarcPolicy PolicyFor(bool subdomain) => subdomain ? SubdomainPolicy ?? Policy : Policy;

    /// <summary>
    /// True for a TXT value receivers read as a DMARC record: it starts with the <c>v=DMARC1</c> tag (the version is
    /// case-sensitive); other TXT values at <c>_dmarc</c> are ignored (RFC 7489 section 6.6.3).
    /// </summary>
    public static bool IsDmarc(string? txtValue)
    {
        if (txtValue is null)
        {
            return false;
        }

        var first = txtValue.Split(';', 2)[0];
        var equals = first.IndexOf('=', StringComparison.Ordinal);
        return equals > 0 && first[..equals].Trim().Equals("v", StringComparison.OrdinalIgnoreCase) && first[(equals + 1)..].Trim() == Version;
    }

    public static DmarcParseResult Parse(string txtValue)
    {
        ArgumentNullException.ThrowIfNull(txtValue);
        if (!IsDmarc(txtValue))
        {
            return Fail("it does not start with v=DMARC1");
        }

        var tags = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in txtValue.Split(';').Skip(1))
        {
            if (part.Trim().Length == 0)
            {
                continue; // a trailing or doubled ';' is allowed
            }

            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                return Fail($"the part \"{Shown(part.Trim())}\" is not a tag=value pair");
            }

            var name = part[..equals].Trim();
            if (!tags.TryAdd(name, part[(equals + 1)..].Trim()))
            {
                return Fail($"the tag {Shown(name)}= appears twice");
            }
        }

        if (!tags.TryGetValue("p", out var p))
        {
            return Fail("it has no p= tag (the policy: none, quarantine or reject), which must come right after v=DMARC1");
        }

        if (!TryPolicy(p, out var policy))
        {
            return Fail($"p={Shown(p)} is not none, quarantine or reject");
        }

        DmarcPolicy? subdomainPolicy = null;
        if (tags.TryGetValue("sp", out var sp))
        {
            if (!TryPolicy(sp, out var parsed))
            {
                return Fail($"sp={Shown(sp)} is not none, quarantine or reject");
            }

            subdomainPolicy = parsed;
        }

        var percent = 100;
        if (tags.TryGetValue("pct", out var pct)
            && (!int.TryParse(pct, NumberStyles.None, CultureInfo.InvariantCulture, out percent) || percent > 100))
        {
            return Fail($"pct={Shown(pct)} is not a whole number from 0 to 100");
        }

        if (!TryAlignment(tags, "aspf", out var aspf, out var error) || !TryAlignment(tags, "adkim", out var adkim, out error))
        {
            return Fail(error!);
        }

        if (!TryUris(tags, "rua", out var rua, out error) || !TryUris(tags, "ruf", out var ruf, out error))
        {
            return Fail(error!);
        }

        return new DmarcParseResult(new DmarcRecord(txtValue, policy, subdomainPolicy, percent, rua, ruf, aspf, adkim), null);
    }

    private static bool TryPolicy(string value, out DmarcPolicy policy)
    {
        policy = DmarcPolicy.None;
        return value.ToLowerInvariant() switch
        {
            "none" => true,
            "quarantine" => Set(DmarcPolicy.Quarantine, out policy),
            "reject" => Set(DmarcPolicy.Reject, out policy),
            _ => false,
        };

        static bool Set(DmarcPolicy value, out DmarcPolicy target)
        {
            target = value;
            return true;
        }
    }

    private static bool TryAlignment(Dictionary<string, string> tags, string tag, out AlignmentMode mode, out string? error)
    {
        mode = AlignmentMode.Relaxed;
        error = null;
        if (!tags.TryGetValue(tag, out var value))
        {
            return true;
        }

        switch (value.ToLowerInvariant())
        {
            case "r":
                return true;
            case "s":
                mode = AlignmentMode.Strict;
                return true;
            default:
                error = $"{tag}={Shown(value)} is not r (relaxed) or s (strict)";
                return false;
        }
    }

    // Report addresses are comma-separated URIs, each optionally followed by !size (RFC 7489 section 6.4);
    // receivers send reports by mail, so each must be a mailto: URI with an address.
    private static bool TryUris(Dictionary<string, string> tags, string tag, out IReadOnlyList<string> uris, out string? error)
    {
        var list = new List<string>();
        uris = list;
        error = null;
        if (!tags.TryGetValue(tag, out var value))
        {
            return true;
        }

        foreach (var raw in value.Split(','))
        {
            var uri = raw.Trim();
            var bang = uri.IndexOf('!', StringComparison.Ordinal);
            var address = bang < 0 ? uri : uri[..bang];
            if (!address.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) || address.IndexOf('@', StringComparison.Ordinal) is < 8 || address.EndsWith('@'))
            {
                error = $"{tag}= holds \"{Shown(uri)}\", which is not a mailto: address such as mailto:dmarc-reports@example.com";
                return false;
            }

            list.Add(address);
        }

        return true;
    }

    private static DmarcParseResult Fail(string why) => new(null, $"The DMARC record is invalid and receivers ignore it: {why}.");

    private static string Shown(string text) => MessageText.Escape(text, 80);
}
