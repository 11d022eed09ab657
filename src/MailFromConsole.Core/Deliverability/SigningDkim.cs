using MailFromConsole.Core.Ses;

namespace MailFromConsole.Core.Deliverability;

/// <summary>Which Easy DKIM signs mail from an identity: its own, or (an address, or a name without tokens of its own) its domain's, as SES does.</summary>
public static class SigningDkim
{
    /// <param name="own">The identity's DKIM attributes.</param>
    /// <param name="ofDomain">Its domain's, when the identity is not the domain itself.</param>
    public static IdentityDkimAttributes? Of(string identity, string domain, IdentityDkimAttributes? own, IdentityDkimAttributes? ofDomain)
    {
        if (identity != domain && own is not { DkimTokens.Count: > 0 } && ofDomain is not null)
            return own is null ? ofDomain : ofDomain with { DkimEnabled = own.DkimEnabled };
        return own;
    }
}
