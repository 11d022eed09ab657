using MailFromConsole.Core.MailFrom;

namespace MailFromConsole.Core.Bulk;

/// <summary>
/// The name pattern of a bulk setup: <c>mail.{domain}</c> gives each identity the subdomain <c>mail.</c> of its domain
/// (an address's domain for an email address). The result is checked by the one set of MAIL FROM rules.
/// </summary>
public static class MailFromPattern
{
    public const string Placeholder = "{domain}";

    public static readonly IReadOnlyList<string> Suggested = ["mail.{domain}", "bounce.{domain}"];

    /// <summary>Why the pattern cannot give a MAIL FROM domain, or null: one or more labels, then <c>.{domain}</c> at the end.</summary>
    public static string? Problem(string? pattern)
    {
        var trimmed = pattern?.Trim() ?? "";
        if (trimmed.Length == 0) return "Enter a name pattern such as mail.{domain}.";
        var at = trimmed.IndexOf(Placeholder, StringComparison.OrdinalIgnoreCase);
        if (at < 0 || at != trimmed.LastIndexOf(Placeholder, StringComparison.OrdinalIgnoreCase) || at + Placeholder.Length != trimmed.Length)
            return "The pattern must end with {domain} once, such as mail.{domain} or bounce.{domain}.";
        if (at < 2 || trimmed[at - 1] != '.')
            return "The MAIL FROM domain must be a subdomain: put a name and a dot before {domain}, such as mail.{domain}.";
        return null;
    }

    /// <summary>The pattern applied to <paramref name="identity"/>, checked by <see cref="MailFromDomainRules"/>.</summary>
    public static MailFromValidation Apply(string pattern, string identity)
    {
        if (Problem(pattern) is { } problem) return new MailFromValidation(null, [problem]);
        if (!MailFromDomainRules.TryIdentityDomain(identity, out var domain, out var error)) return new MailFromValidation(null, [error!]);
        var trimmed = pattern.Trim();
        var proposed = trimmed[..^Placeholder.Length] + domain;
        return MailFromDomainRules.Validate(identity, proposed);
    }
}
