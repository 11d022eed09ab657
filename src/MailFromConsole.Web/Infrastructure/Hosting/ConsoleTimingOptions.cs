namespace MailFromConsole.Web.Infrastructure.Hosting;

/// <summary>Timing of the console's polling ("Console" section); small values in tests.</summary>
public sealed class ConsoleTimingOptions
{
    /// <summary>Interval between GetChange calls while waiting for INSYNC.</summary>
    public TimeSpan ChangePollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Give up waiting for INSYNC after this long (the change still completes in Route 53).</summary>
    public TimeSpan ChangeWaitLimit { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Recipient of "Send test email": the SES mailbox simulator accepts mail even in the sandbox.</summary>
    public string TestRecipient { get; set; } = "success@simulator.amazonses.com";
}
