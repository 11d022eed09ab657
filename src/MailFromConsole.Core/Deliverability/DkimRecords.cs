namespace MailFromConsole.Core.Deliverability;

/// <summary>The three Easy DKIM CNAME records SES asks for: <c>&lt;token&gt;._domainkey.&lt;domain&gt;</c> → <c>&lt;token&gt;.dkim.amazonses.com</c>.</summary>
public static class DkimRecords
{
    public static string Name(string domain, string token) => $"{token}._domainkey.{domain.Trim().TrimEnd('.').ToLowerInvariant()}";

    /// <summary>Where the CNAME must point: Easy DKIM's public keys are hosted under dkim.amazonses.com.</summary>
    public static string Target(string token) => $"{token}.dkim.amazonses.com";
}
