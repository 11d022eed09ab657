namespace MailFromConsole.Core.MailFrom;

/// <summary>Outcome of checking a proposed MAIL FROM domain for an identity.</summary>
/// <param name="NormalizedDomain">Lower case, no trailing dot, IDN as punycode; null when invalid.</param>
/// <param name="Errors">Plain-language reasons, one per failed rule; empty when valid.</param>
public sealed record MailFromValidation(string? NormalizedDomain, IReadOnlyList<string> Errors)
{
    public bool IsValid => Errors.Count == 0 && NormalizedDomain is not null;
}

/// <summary>The console's own rules for SetIdentityMailFromDomain (stricter and better explained than SES's).</summary>
public static class MailFromDomainRules
{
    /// <summary>The domain part of an identity: for <c>user@example.com</c> it is <c>example.com</c>; normalised.</summary>
    public static string IdentityDomain(string identity) => throw new NotImplementedException();

    /// <summary>Checks a proposed MAIL FROM domain against the identity (email address or domain). Never throws.</summary>
    public static MailFromValidation Validate(string identity, string? proposedMailFromDomain) => throw new NotImplementedException();
}
