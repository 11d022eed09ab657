namespace MailFromConsole.Core.View;

/// <summary>How stale each kind of identity may get before the sweeper reads it again ("Console:Sweep" section).</summary>
public sealed class SweepIntervals
{
    /// <summary>An identity a user has open (details pane, status page, assistant).</summary>
    public TimeSpan Watched { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Pending or TemporaryFailure: SES may move it by itself any time.</summary>
    public TimeSpan Unsettled { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Everything else: one full round of the account at most this often.</summary>
    public TimeSpan Settled { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>DNS diagnosis of MAIL FROM domains in Success, for drift.</summary>
    public TimeSpan DnsRecheck { get; set; } = TimeSpan.FromMinutes(10);
}
