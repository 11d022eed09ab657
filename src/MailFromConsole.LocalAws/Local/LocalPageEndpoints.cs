using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace MailFromConsole.LocalAws.Local;

/// <summary>The local pages as mapped onto a host, one group per kind, for the host's sign-in policies.</summary>
/// <param name="Mailbox">The mailbox page and its JSON.</param>
/// <param name="OutsideDns">The outside DNS provider's page, forms and JSON API.</param>
/// <param name="Faults">The fault-injection API (it can break every AWS call).</param>
/// <param name="Verify">The verification mail's link, which needs only its token.</param>
public sealed record LocalPageEndpoints(RouteGroupBuilder Mailbox, RouteGroupBuilder OutsideDns, RouteGroupBuilder Faults, IEndpointConventionBuilder Verify)
{
    public const string MailboxPath = "/_local/mailbox";
    public const string FaultsPath = "/_local/faults";
    public const string VerifyPath = "/_local/verify";
}
