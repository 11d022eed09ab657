using MailFromConsole.Core.Ses;

namespace MailFromConsole.Core.MailFrom;

/// <summary>The two API-reference rules that SES cannot check at set time, as warnings the UI shows.</summary>
public static class MailFromWarnings
{
    /// <summary>
    /// Warning when the MAIL FROM domain is the destination of email feedback forwarding for the identity
    /// (forwarding enabled in the identity's notification attributes), so it must not be used in a "From" address; else null.
    /// </summary>
    public static string? FeedbackForwarding(string mailFromDomain, IdentityNotificationAttributes? notifications) => throw new NotImplementedException();

    /// <summary>Warning when existing MX hosts show the name receives mail (any host that is not an SES feedback host); else null.</summary>
    public static string? ReceivesMail(string mailFromDomain, IReadOnlyCollection<string> existingMxHosts) => throw new NotImplementedException();
}
