using MailFromConsole.Core.Ses;

namespace MailFromConsole.Core.Export;

/// <summary>One identity to export, as the account view knows it.</summary>
/// <param name="Current">SES's MAIL FROM attributes; null or without a domain when none is set.</param>
public sealed record ExportIdentity(string Identity, bool Verified, IdentityMailFromDomainAttributes? Current)
{
    /// <summary>SES already has a MAIL FROM domain for the identity: the export adopts it (import) instead of proposing one.</summary>
    public bool IsSet => !string.IsNullOrWhiteSpace(Current?.MailFromDomain);

    /// <summary>The MAIL FROM domain set in SES, else the console's proposal <c>mail.&lt;domain&gt;</c> (an address: its domain).</summary>
    public string MailFromDomain => IsSet ? Current!.MailFromDomain!.TrimEnd('.').ToLowerInvariant() : "mail." + Domain;

    public BehaviorOnMxFailure Behavior => IsSet ? Current!.BehaviorOnMxFailure : BehaviorOnMxFailure.UseDefaultValue;

    private string Domain => Identity[(Identity.LastIndexOf('@') + 1)..].TrimEnd('.').ToLowerInvariant();
}
