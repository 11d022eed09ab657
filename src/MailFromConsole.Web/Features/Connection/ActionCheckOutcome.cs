namespace MailFromConsole.Web.Features.Connection;

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
