namespace MailFromConsole.Web.Features.Connection;

/// <summary>What the Connection page shows.</summary>
/// <param name="Policy">The least-privilege IAM policy (JSON) for the console's identity.</param>
public sealed record ConnectionReport(
    IReadOnlyList<RegionIdentity> Regions,
    IReadOnlyList<Route53Reach> Route53Accounts,
    IReadOnlyList<ActionCheck> Actions,
    string Policy);
