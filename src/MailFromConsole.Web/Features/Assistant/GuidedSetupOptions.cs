namespace MailFromConsole.Web.Features.Assistant;

/// <summary>The "Guided" configuration section: timing of the assistant's checklist and the dashboard's thresholds.</summary>
public sealed class GuidedSetupOptions
{
    /// <summary>How often the assistant's last step asks DNS again while SES has not said Success.</summary>
    public TimeSpan ChecklistRefreshInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A MAIL FROM domain seen Pending for longer than this needs attention: with the records in place SES finds them in minutes.</summary>
    public TimeSpan PendingTooLong { get; set; } = TimeSpan.FromHours(1);

    /// <summary>DNS diagnoses the dashboard runs at once (one per Success domain, to spot a vanished MX).</summary>
    public int DiagnosisConcurrency { get; set; } = 8;

    /// <summary>Identities of each type the assistant's first step lists for a search.</summary>
    public int IdentityChoices { get; set; } = 50;
}
