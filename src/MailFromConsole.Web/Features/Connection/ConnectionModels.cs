using MailFromConsole.Core.Sts;

namespace MailFromConsole.Web.Features.Connection;

/// <summary>What the Connection page shows.</summary>
/// <param name="Policy">The least-privilege IAM policy (JSON) for the console's identity.</param>
public sealed record ConnectionReport(
    IReadOnlyList<RegionIdentity> Regions,
    IReadOnlyList<Route53Reach> Route53Accounts,
    IReadOnlyList<ActionCheck> Actions,
    string Policy);

/// <summary>GetCallerIdentity in one region: the account and ARN, or why STS did not say.</summary>
public sealed record RegionIdentity(string Region, CallerIdentity? Identity, string? Error);

/// <summary>One Route 53 account: the console's own or one reached through a role of Aws:Route53Accounts.</summary>
public sealed record Route53Reach(string Account, string? Suffix, bool Reached, string? Error);

/// <summary>Whether one IAM action is allowed where it was tried (a region, or a Route 53 account).</summary>
public sealed record ActionCheck(string IamAction, string Where, ActionCheckOutcome Outcome, string Detail);

public enum ActionCheckOutcome
{
    Allowed,

    /// <summary>AWS answered AccessDenied (or another refusal): the policy lacks it.</summary>
    Denied,

    /// <summary>The call failed for another reason (network, throttling): nothing is known.</summary>
    Failed,

    /// <summary>A write action, or a read that needs something to read: named, not tried.</summary>
    NotTried,
}
