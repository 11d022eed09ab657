using MailFromConsole.Core.View;

namespace MailFromConsole.Web.Features.View;

/// <summary>The account view's settings ("Console:View" section).</summary>
public sealed class ViewOptions
{
    public const string Section = "Console:View";

    public SweepIntervals Sweep { get; set; } = new();

    /// <summary>How long the sweeper waits before listing identities again (new or removed elsewhere).</summary>
    public TimeSpan ListInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>After an AWS error, how long a part of the sweep rests before it asks again.</summary>
    public TimeSpan ErrorPause { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How many MAIL FROM domains the drift check asks DNS about at once.</summary>
    public int DnsBatchSize { get; set; } = 8;

    /// <summary>Optional: drift is POSTed here as JSON with a Slack-compatible <c>text</c> field.</summary>
    public Uri? DriftWebhookUrl { get; set; }
}
