using MailFromConsole.Core.Records;
using MailFromConsole.Core.Ses;

namespace MailFromConsole.Web.Features.MailFrom;

/// <summary>The MAIL FROM Domain section of an identity in one region.</summary>
/// <param name="Records">The MX and SPF records the domain needs; empty when no custom MAIL FROM is set.</param>
public sealed record MailFromDetails(
    string Region,
    string Identity,
    IdentityMailFromDomainAttributes Attributes,
    EffectiveMailFrom Effective,
    IReadOnlyList<RequiredRecord> Records)
{
    public bool IsSet => Attributes.MailFromDomain is not null;
    public string StatusMeaning => MailFromText.StatusMeaning(Attributes.MailFromDomainStatus, Region);
}
