namespace MailFromConsole.Core.MailFrom;

/// <summary>The console's own rules for SetIdentityMailFromDomain (stricter and better explained than SES's).</summary>
public static class MailFromDomainRules
{
    private const string MailFromWhat = "The MAIL FROM domain";
    private const int MaxLocalPartLength = 64;

    /// <summary>The domain part of an identity: for <c>user@example.com</c> it is <c>example.com</c>; normalised.</summary>
    /// <exception cref="ArgumentException">The identity is not a valid email address or domain (see <see cref="TryIdentityDomain"/>).</exception>
    public static string IdentityDomain(string identity) =>
        TryIdentityDomain(identity, out var domain, out var error) ? domain : throw new ArgumentException(error, nameof(identity));

    /// <summary><c>mail.</c> and <c>bounce.</c> under the identity's domain; none when the identity has no usable domain.</summary>
    public static IReadOnlyList<string> SuggestedSubdomains(string identity) =>
        TryIdentityDomain(identity, out var domain, out _) ? [$"mail.{domain}", $"bounce.{domain}"] : [];

    /// <summary>The normalised domain of an identity (email address or domain), or a plain-language error. Never throws.</summary>
    public static bool TryIdentityDomain(string? identity, out string domain, out string? error)
    {
        domain = "";
        error = null;
        if (identity is null || identity.Trim(' ').Length == 0)
        {
            error = "The identity is empty. It must be a verified email address (user@example.com) or domain (example.com).";
            return false;
        }

        var trimmed = identity.Trim(' ');
        var at = trimmed.LastIndexOf('@');
        var domainPart = trimmed;
        var what = "The identity's domain";
        if (at >= 0)
        {
            var localPart = trimmed[..at];
            domainPart = trimmed[(at + 1)..];
            what = $"The domain of the email address {DnsNameRules.Display(trimmed)}";
            var localError = LocalPartError(localPart, trimmed);
            if (localError is not null)
            {
                error = localError;
                return false;
            }
        }
        else
        {
            what = $"The identity {DnsNameRules.Display(trimmed)}";
        }

        if (!DnsNameRules.TryNormalize(domainPart, what, out var normalized, out var errors))
        {
            error = errors[0];
            return false;
        }

        if (!normalized.Contains('.'))
        {
            error = $"{what} is '{normalized}', which has no dot; an identity's domain is a full name such as example.com.";
            return false;
        }

        domain = normalized;
        return true;
    }

    /// <summary>Checks a proposed MAIL FROM domain against the identity (email address or domain). Never throws.</summary>
    public static MailFromValidation Validate(string identity, string? proposedMailFromDomain)
    {
        var errors = new List<string>();
        var identityOk = TryIdentityDomain(identity, out var identityDomain, out var identityError);
        if (!identityOk)
        {
            errors.Add(identityError!);
        }

        if (!DnsNameRules.TryNormalize(proposedMailFromDomain, MailFromWhat, out var mailFrom, out var nameErrors))
        {
            errors.AddRange(nameErrors);
            return new MailFromValidation(null, errors);
        }

        if (!identityOk)
        {
            return new MailFromValidation(null, errors);
        }

        if (string.Equals(mailFrom, identityDomain, StringComparison.Ordinal))
        {
            errors.Add($"The MAIL FROM domain cannot be {identityDomain} itself; it must be a subdomain of it, such as mail.{identityDomain}.");
        }
        else if (!DnsNameRules.IsProperSubdomainOf(mailFrom, identityDomain))
        {
            var hint = mailFrom.EndsWith(identityDomain, StringComparison.Ordinal)
                ? $" A subdomain ends in '.{identityDomain}' with a dot before it, such as mail.{identityDomain}."
                : $" Use a name that ends in .{identityDomain}, such as mail.{identityDomain}.";
            errors.Add($"{mailFrom} is not a subdomain of {identityDomain}.{hint}");
        }

        return errors.Count == 0 ? new MailFromValidation(mailFrom, errors) : new MailFromValidation(null, errors);
    }

    private static string? LocalPartError(string localPart, string address)
    {
        if (localPart.Length == 0)
        {
            return $"The email address {DnsNameRules.Display(address)} has nothing before the '@'.";
        }

        if (localPart.Contains('@'))
        {
            return $"The email address {DnsNameRules.Display(address)} contains more than one '@'.";
        }

        if (localPart.Length > MaxLocalPartLength)
        {
            return $"The part before '@' is {localPart.Length} characters long; an email address allows at most {MaxLocalPartLength}.";
        }

        if (localPart.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            return $"The email address {DnsNameRules.Display(address)} contains a space or control character before the '@'.";
        }

        return null;
    }
}
