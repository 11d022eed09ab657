using MailFromConsole.Core.View;
using MailFromConsole.Web.Features.View;

namespace MailFromConsole.Web.Tests.Features.View;

/// <summary>Runs the console's real sweeper steps for a region until each part has nothing due (or a bound is reached).</summary>
public static class SweepToTheEnd
{
    private static readonly ViewPart[] SesParts = [ViewPart.Verification, ViewPart.MailFrom, ViewPart.Dkim];

    /// <param name="withDns">Also the DNS check of the MAIL FROM domains (starts the fake's DNS server).</param>
    public static async Task RunAsync(AccountViewSweeper sweeper, AccountView view, string region, bool withDns)
    {
        if (!await sweeper.ListOnceAsync(region, CancellationToken.None)) return;
        // Under zero intervals every identity is due at every read: one batch per 100 (DNS: per 8) covers them all.
        var count = view.Identities(region).Count;
        foreach (var part in withDns ? [.. SesParts, ViewPart.Dns] : SesParts)
        {
            var batches = count / (part == ViewPart.Dns ? new ViewOptions().DnsBatchSize : SweepPlanner.BatchSize) + 1;
            for (var i = 0; i < batches; i++)
                if (!await sweeper.ReadNextAsync(region, part, CancellationToken.None)) break;
        }
    }
}
