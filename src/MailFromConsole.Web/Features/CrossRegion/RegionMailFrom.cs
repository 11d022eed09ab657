using MailFromConsole.Core.Records;
using MailFromConsole.Core.Ses;

namespace MailFromConsole.Web.Features.CrossRegion;

/// <summary>The identity in one region where it is verified.</summary>
public sealed record RegionMailFrom(string Region, IdentityMailFromDomainAttributes? MailFrom, EffectiveMailFrom Effective)
{
    public string? MailFromDomain => MailFrom?.MailFromDomain;
}
