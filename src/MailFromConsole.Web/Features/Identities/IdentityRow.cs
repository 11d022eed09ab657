using MailFromConsole.Core.Deliverability;
using MailFromConsole.Core.Ses;

namespace MailFromConsole.Web.Features.Identities;

/// <param name="MailFrom">MAIL FROM attributes from the account view; null when SES had none to give (or none read yet).</param>
public sealed record IdentityRow(string Identity, IdentityType Type, VerificationStatus Status, string? VerificationToken, IdentityMailFromDomainAttributes? MailFrom)
{
    /// <summary>False while the first round has listed the identity but not read its status yet.</summary>
    public bool StatusRead { get; init; } = true;

    /// <summary>Whether its mail passes DMARC, as the sweeper last decided (null: not decided yet).</summary>
    public DeliverabilityReadiness? Readiness { get; init; }
}
