using System.Text.RegularExpressions;

namespace MailFromConsole.LocalAws.Detection;

/// <summary>SES's own check of an MX target: the feedback host of any region, as AWS accepts it.</summary>
public static partial class SesFeedbackHost
{
    /// <summary>True for <c>feedback-smtp.&lt;region&gt;.amazonses.com</c> of any region (case-insensitive, trailing dot allowed).</summary>
    public static bool Is(string host) => FeedbackHostPattern().IsMatch(host.Trim());

    [GeneratedRegex(@"^feedback-smtp\.[a-z]{2}(-[a-z]+)+-[0-9]+\.amazonses\.com\.?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FeedbackHostPattern();
}
