namespace MailFromConsole.Web.Infrastructure.Hosting;

/// <summary>The "Aws" section as the console reads it: which regions the selector offers.</summary>
public sealed class ConsoleRegionOptions
{
    public List<string> Regions { get; set; } = [];
    public string DefaultRegion { get; set; } = "us-east-1";

    public IReadOnlyList<string> EffectiveRegions => Regions.Count > 0 ? Regions : [DefaultRegion];
}

/// <summary>Timing of the console's polling ("Console" section); small values in tests.</summary>
public sealed class ConsoleTimingOptions
{
    /// <summary>How often the shared status poller asks SES for watched identities.</summary>
    public TimeSpan StatusPollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a MAIL FROM status read for the lists stays fresh.</summary>
    public TimeSpan StatusCacheAge { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the identity name list of a region stays fresh.</summary>
    public TimeSpan IdentityListCacheAge { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Interval between GetChange calls while waiting for INSYNC.</summary>
    public TimeSpan ChangePollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Give up waiting for INSYNC after this long (the change still completes in Route 53).</summary>
    public TimeSpan ChangeWaitLimit { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Recipient of "Send test email": the SES mailbox simulator accepts mail even in the sandbox.</summary>
    public string TestRecipient { get; set; } = "success@simulator.amazonses.com";
}
