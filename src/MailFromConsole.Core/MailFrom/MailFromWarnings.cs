using MailFromConsole.Core.Records;
using MailFromConsole.Core.Ses;

namespace MailFromConsole.Core.MailFrom;

/// <summary>The two API-reference rules that SES cannot check at set time, as warnings the UI shows.</summary>
public static class MailFromWarnings
{
    /// <summary>
    /// Warning when the MAIL FROM domain is the destination of email feedback forwarding for the identity
    /// (forwarding enabled in the identity's notification attributes), so it must not be used in a "From" address; else null.
    /// </summary>
    public static string? FeedbackForwarding(string mailFromDomain, IdentityNotificationAttributes? notifications)
    {
        if (notifications is not { ForwardingEnabled: true })
        {
            return null;
        }

        var name = Shown(mailFromDomain);
        return $"Email feedback forwarding is on for this identity: SES sends bounces and complaints by email to the sending address. " +
               $"Do not use an address at {name} as the \"From\" address: feedback would then go to {name}, which must not receive mail. " +
               "Send from the identity's own address or domain, or turn feedback forwarding off and use SNS notifications instead.";
    }

    /// <summary>Warning when existing MX hosts show the name receives mail (any host that is not an SES feedback host); else null.</summary>
    public static string? ReceivesMail(string mailFromDomain, IReadOnlyCollection<string> existingMxHosts)
    {
        var foreign = (existingMxHosts ?? [])
            .Where(h => !string.IsNullOrWhiteSpace(h) && !RequiredRecords.IsSesFeedbackHost(h))
            .Select(h => h.Trim().TrimEnd('.').ToLowerInvariant())
            .Distinct()
            .ToList();
        if (foreign.Count == 0)
        {
            return null;
        }

        var hosts = string.Join(", ", foreign.Take(5)) + (foreign.Count > 5 ? $" and {foreign.Count - 5} more" : "");
        var name = Shown(mailFromDomain);
        return $"{name} already receives mail (its MX records point at {hosts}). " +
               $"A MAIL FROM domain must not be used to receive email. Choose another subdomain, such as {OtherSubdomain(name)}, " +
               "instead of replacing these MX records, which would stop that mail.";
    }

    // A sibling name to suggest: bounce.example.com for mail.example.com (and the other way round).
    private static string OtherSubdomain(string name)
    {
        var dot = name.IndexOf('.');
        if (dot <= 0 || name.IndexOf('.', dot + 1) < 0)
        {
            return "bounce.<your domain>";
        }

        var parent = name[(dot + 1)..];
        return name.StartsWith("bounce.", StringComparison.Ordinal) ? $"mail.{parent}" : $"bounce.{parent}";
    }

    private static string Shown(string? domain) =>
        string.IsNullOrWhiteSpace(domain) ? "the MAIL FROM domain" : DnsNameRules.TryNormalize(domain, "", out var n, out _) ? n : DnsNameRules.Display(domain);
}
