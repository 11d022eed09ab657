namespace MailFromConsole.Core.MailFrom;

/// <summary>Outcome of checking a proposed MAIL FROM domain for an identity.</summary>
/// <param name="NormalizedDomain">Lower case, no trailing dot, IDN as punycode; null when invalid.</param>
/// <param name="Errors">Plain-language reasons, one per failed rule; empty when valid.</param>
public sealed record MailFromValidation(string? NormalizedDomain, IReadOnlyList<string> Errors)
{
    public bool IsValid => Errors.Count == 0 && NormalizedDomain is not null;
}
