using MailFromConsole.Core.Ses;

namespace MailFromConsole.Web.Features.Assistant;

public sealed record IdentityChoice(string Identity, IdentityType Type, IdentityMailFromDomainAttributes? MailFrom);
