using System.Globalization;
using System.Text.RegularExpressions;
using MailFromConsole.Aws;
using MailFromConsole.Core.Ses;
using MailFromConsole.EndToEnd;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MailFromConsole.Benchmarks.Console10k;

/// <summary>
/// An identity's details pane is open; someone sets its MAIL FROM domain with a signed SES call to the local AWS
/// (outside the console). The sweeper reads the open identity first and the view logs when it learned the change;
/// the pane notes when it shows it. The measure is pane time − log time (both on this machine's clock).
/// </summary>
internal static partial class LivePaneChange
{
    /// <summary>The console settings that make it log, with UTC milliseconds, when its view learns a change.</summary>
    public static IEnumerable<KeyValuePair<string, string>> LogViewLearning =>
    [
        new("Logging:LogLevel:MailFromConsole.Web.Features.View.AccountView", "Debug"),
        new("Logging:Console:FormatterName", "simple"),
        new("Logging:Console:FormatterOptions:SingleLine", "true"),
        new("Logging:Console:FormatterOptions:UseUtcTimestamp", "true"),
        new("Logging:Console:FormatterOptions:TimestampFormat", "yyyy-MM-ddTHH:mm:ss.fff "),
    ];

    public static async Task<LiveResult> RunAsync(ConsoleBrowser browser, ConsoleApp console, string region, string identity, CancellationToken cancellationToken)
    {
        var mailFromDomain = "mail." + identity;
        var tab = await browser.OpenListTabAsync($"domains?region={region}&identity={Uri.EscapeDataString(identity)}");
        await tab.GetByTestId("mailfrom-domain").WaitForAsync();
        await ConsoleBrowser.WatchPaneAsync(tab, mailFromDomain);

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Aws:SesServiceUrl"] = console.LocalAwsUrl.ToString(),
            ["Aws:AccessKeyId"] = "test",
            ["Aws:SecretAccessKey"] = "test",
        }).Build();
        await using var services = new ServiceCollection().AddLogging().AddAwsClients(configuration).BuildServiceProvider();
        var changedAt = DateTimeOffset.UtcNow;
        await services.GetRequiredService<ISesClient>().SetIdentityMailFromDomainAsync(region, identity, mailFromDomain, BehaviorOnMxFailure.UseDefaultValue, cancellationToken);

        var shownAt = await ConsoleBrowser.PaneShownAtAsync(tab, TimeSpan.FromSeconds(60));
        var learnedAt = LearnedAt(console.Output, region, identity);
        await browser.CloseTabsAsync();
        return new LiveResult(learnedAt - changedAt, shownAt - learnedAt);
    }

    private static DateTimeOffset LearnedAt(string output, string region, string identity)
    {
        foreach (Match match in LearnedLine().Matches(output))
        {
            if (match.Groups["region"].Value == region && match.Groups["identities"].Value.Split(", ").Contains(identity))
                return DateTimeOffset.ParseExact(match.Groups["at"].Value, "yyyy-MM-ddTHH:mm:ss.fff", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        }
        throw new InvalidOperationException($"The console did not log that its view learned the change of {identity}.");
    }

    [GeneratedRegex(@"^(?<at>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}) dbug: MailFromConsole\.Web\.Features\.View\.AccountView\[0\] The view of (?<region>\S+) learned MailFrom changes of (?<identities>.+)$", RegexOptions.Multiline)]
    private static partial Regex LearnedLine();
}
