using MailFromConsole.Core.Diagnosis;
using MailFromConsole.Core.Records;
using MailFromConsole.Core.Ses;
using MailFromConsole.Web.Features.Assistant;
using MailFromConsole.Web.Features.MailFrom;
using MailFromConsole.Web.Features.View;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MailFromConsole.Web.Features.Dashboard;

/// <summary>
/// Counts identities by MAIL FROM state across regions, from the account view (no SES call), and asks DNS whether
/// each Success domain still has its MX.
/// </summary>
public sealed class MailFromDashboardService(
    AccountView view,
    AccountViewSweeper sweeper,
    IMailFromDnsDiagnostics diagnostics,
    IPendingSince pendingSince,
    TimeProvider time,
    IOptions<GuidedSetupOptions> options,
    ILogger<MailFromDashboardService> logger) : IMailFromDashboardService
{
    public async Task<DashboardReport> LoadAsync(IReadOnlyCollection<string> regions, CancellationToken cancellationToken = default)
    {
        var rows = new List<DashboardRow>();
        var errors = new List<string>();
        foreach (var region in regions)
        {
            rows.AddRange(await RegionRowsAsync(region, cancellationToken));
            // The view keeps what it knew; the count is then as of the last good read.
            if (sweeper.LastError(region) is { } error)
            {
                logger.LogWarning("Dashboard for {Region} shows the view as last read: {Error}", region, error);
                errors.Add($"{region}: {error}");
            }
        }

        rows = await CheckSuccessMxAsync(rows, cancellationToken);
        var counts = Enum.GetValues<DashboardState>().ToDictionary(s => s, s => rows.Count(r => r.State == s));
        return new DashboardReport(regions.ToList(), counts, DashboardOrdering.Sort(rows), errors);
    }

    private async Task<List<DashboardRow>> RegionRowsAsync(string region, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var rows = new List<DashboardRow>();
        foreach (var state in view.Identities(region))
        {
            var since = await pendingSince.SinceAsync(region, state.Identity, state.MailFrom, cancellationToken);
            rows.Add(Row(region, state.Identity, state.Type, state.MailFrom, since, now) with { Readiness = state.Readiness });
        }
        return rows;
    }

    private DashboardRow Row(string region, string identity, IdentityType type, IdentityMailFromDomainAttributes? attributes, DateTimeOffset? since, DateTimeOffset now)
    {
        if (attributes?.MailFromDomain is not { } domain)
            return new DashboardRow(region, identity, type, null, DashboardState.NotSet, "No custom MAIL FROM domain: mail uses amazonses.com.");
        return attributes.MailFromDomainStatus switch
        {
            CustomMailFromStatus.Failed => new DashboardRow(region, identity, type, domain, DashboardState.Failed,
                "SES stopped looking for the MX record. Fix the records, then restart the setup."),
            CustomMailFromStatus.TemporaryFailure => new DashboardRow(region, identity, type, domain, DashboardState.TemporaryFailure,
                "SES could not ask DNS about the name. Check that the domain's name servers answer."),
            CustomMailFromStatus.Success => new DashboardRow(region, identity, type, domain, DashboardState.Success, "Working: mail uses the custom MAIL FROM domain."),
            _ when since is { } s && now - s >= options.Value.PendingTooLong => new DashboardRow(region, identity, type, domain, DashboardState.PendingTooLong,
                $"Pending for at least {Duration(now - s)}: SES has not found the MX record. Check the records.", s),
            _ => new DashboardRow(region, identity, type, domain, DashboardState.Pending, "SES is looking for the MX record.", since),
        };
    }

    // SES keeps Success for a while after an MX disappears; DNS shows it at once. One diagnosis per domain and region.
    private async Task<List<DashboardRow>> CheckSuccessMxAsync(List<DashboardRow> rows, CancellationToken cancellationToken)
    {
        var targets = rows.Where(r => r.State == DashboardState.Success).Select(r => (r.MailFromDomain!, r.Region)).Distinct().ToList();
        if (targets.Count == 0) return rows;
        using var gate = new SemaphoreSlim(Math.Max(1, options.Value.DiagnosisConcurrency));
        var missing = new Dictionary<(string, string), string>();
        var checks = targets.Select(async target =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                return (target, problem: MxProblem(await diagnostics.DiagnoseAsync(target.Item1, target.Region, cancellationToken)));
            }
            finally
            {
                gate.Release();
            }
        });
        foreach (var (target, problem) in await Task.WhenAll(checks))
            if (problem is not null) missing[target] = problem;

        return rows.Select(r => r.State == DashboardState.Success && missing.TryGetValue((r.MailFromDomain!, r.Region), out var problem)
            ? r with
            {
                State = DashboardState.MxMissing,
                Reason = $"SES says Success, but DNS no longer shows the one MX record SES needs at {r.MailFromDomain} ({problem}). " +
                    $"Put back exactly one MX record with the value \"{RequiredRecords.MxPreference} {RequiredRecords.FeedbackHost(r.Region)}\" before SES notices.",
            }
            : r).ToList();
    }

    /// <summary>The diagnosis' words when no SES MX remains (a DNS time-out proves nothing and is not counted).</summary>
    private static string? MxProblem(DnsDiagnosis dns)
    {
        if (dns.Unanswered is not null) return null;
        if (dns.MxHosts.Count(RequiredRecords.IsSesFeedbackHost) == 1 && dns.MxHosts.Count == 1) return null;
        var finding = dns.MxProblem;
        // The diagnosis' first sentence says what DNS shows; its advice is written for a setup that is still Pending.
        return finding is null ? "the MX record is not the one SES needs" : FirstSentence(finding.Message);
    }

    private static string FirstSentence(string text)
    {
        var end = text.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? text.TrimEnd('.') : text[..end];
    }

    private static string Duration(TimeSpan span) => span.TotalDays >= 1 ? $"{(int)span.TotalDays} day(s)" : span.TotalHours >= 1 ? $"{(int)span.TotalHours} hour(s)" : $"{(int)span.TotalMinutes} minute(s)";
}
