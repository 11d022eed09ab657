using MailFromConsole.Core.View;

namespace MailFromConsole.Web.Features.View;

public sealed record RegionIdentity(string Region, IdentityState State);
