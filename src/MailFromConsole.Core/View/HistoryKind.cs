namespace MailFromConsole.Core.View;

/// <summary>What kind of change a history entry records.</summary>
public enum HistoryKind
{
    /// <summary>SES moved a status by itself (Pending → Success, Success → Failed…).</summary>
    Status,
    /// <summary>The MAIL FROM domain's DNS records changed (MX gone, second MX, SPF lost or back).</summary>
    Dns,
    /// <summary>A setting changed that the console did not change (aws CLI, Terraform, another console).</summary>
    Outside,
}
