using System.Collections.Concurrent;
using System.Data.Common;
using MailFromConsole.Core;
using MailFromConsole.Core.Deliverability;
using MailFromConsole.Core.Diagnosis;
using MailFromConsole.Core.MailFrom;
using MailFromConsole.Core.Ses;
using MailFromConsole.Core.View;
using MailFromConsole.Web.Infrastructure.Cluster;
using MailFromConsole.Web.Infrastructure.Errors;
using MailFromConsole.Web.Infrastructure.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MailFromConsole.Web.Features.View;

/// <summary>
/// The one reader of SES for the whole console: only the instance holding the <see cref="ILeaderLease"/> sweeps (when
/// it dies, another takes over within seconds and carries on from the saved view); per region it lists identities
/// in pages of 1,000 and reads verification, MAIL FROM and DKIM attributes in batches of 100, each operation in its own
/// loop so each runs at SES's 1 request/second (the wire client spaces the calls); the DNS of MAIL FROM domains is
/// re-checked for drift, and each identity's deliverability verdict (DMARC, SPF, DKIM CNAMEs in DNS) is decided for
/// the readiness column. What to read next is <see cref="SweepPlanner"/>'s decision.
/// </summary>
public sealed class AccountViewSweeper(
    AccountView view,
    ISesClient ses,
    IMailFromDnsDiagnostics dns,
    IDeliverabilityDnsChecks deliverabilityDns,
    WatchedIdentities watched,
    DriftAlerts alerts,
    ILeaderLease lease,
    IOptions<ConsoleRegionOptions> regions,
    IOptions<ViewOptions> options,
    TimeProvider time,
    ILogger<AccountViewSweeper> logger) : BackgroundService
{
    private static readonly ViewPart[] SesParts = [ViewPart.Verification, ViewPart.MailFrom, ViewPart.Dkim];

    private readonly ConcurrentDictionary<string, Wake> wakes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Region, string What), string> errors = new();

    /// <summary>An AWS error of a region's sweep not yet followed by a good read of the same kind, for the pages to say the view may be old.</summary>
    public string? LastError(string region) => errors.Where(e => e.Key.Region == region).Select(e => e.Value).FirstOrDefault();

    /// <summary>The saved view is in memory before the server takes its first request: a restart shows it at once.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await view.LoadSavedAsync(cancellationToken);
        await alerts.LoadSavedAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        watched.Added += WakeRegion;
        view.Changed += OnViewChanged;
        try
        {
            await lease.RunWhileLeaderAsync(LeadAsync, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutting down.
        }
        finally
        {
            watched.Added -= WakeRegion;
            view.Changed -= OnViewChanged;
        }
    }

    private async Task LeadAsync(CancellationToken leading)
    {
        // What an earlier leader read reached this instance's view through the change notifications; the sweep goes on from it.
        logger.LogInformation("Account view: this instance sweeps SES now");
        await SweepAllAsync(leading);
    }

    private async Task SweepAllAsync(CancellationToken cancellationToken)
    {
        var loops = regions.Value.EffectiveRegions.SelectMany(region => new[] { ListLoopAsync(region, cancellationToken), DnsLoopAsync(region, ViewPart.Dns, cancellationToken), DnsLoopAsync(region, ViewPart.Readiness, cancellationToken) }
            .Concat(SesParts.Select(part => PartLoopAsync(region, part, cancellationToken))));
        try
        {
            await Task.WhenAll(loops);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Leadership lost or host stopping: the outer loop decides.
        }
    }

    /// <summary>Lists every identity of the region, one page of 1,000 at a time; false when SES could not be read (kept in <see cref="LastError"/>).</summary>
    public Task<bool> ListOnceAsync(string region, CancellationToken cancellationToken) => TryAsync(region, "List identities", async () =>
    {
        string? token = null;
        var first = true;
        do
        {
            var page = await ses.ListIdentitiesAsync(region, identityType: null, token, maxItems: 1000, cancellationToken);
            token = page.NextToken;
            await alerts.RaiseAsync(await view.ListedAsync(region, page.Identities, first, lastPage: token is null, cancellationToken), cancellationToken);
            first = false;
            Wakeup(region).Signal();
        }
        while (token is not null);
        return true;
    }, cancellationToken);

    /// <summary>Reads the next batch of one part; false when nothing was due or SES could not be read (kept in <see cref="LastError"/>).</summary>
    public Task<bool> ReadNextAsync(string region, ViewPart part, CancellationToken cancellationToken) => TryAsync(region, $"Read {part}", async () =>
    {
        var batch = SweepPlanner.NextBatch(part, view.Identities(region), watched.In(region), time.GetUtcNow(), options.Value.Sweep);
        if (batch.Count == 0) return false;
        var askedAt = time.GetUtcNow();
        var history = part switch
        {
            ViewPart.Verification => await view.ReadAsync(region, part, askedAt, batch, await ses.GetIdentityVerificationAttributesAsync(region, batch, cancellationToken),
                (s, v, at) => s with { Verification = v?.VerificationStatus, VerificationToken = v?.VerificationToken, VerificationReadAt = at }, cancellationToken),
            ViewPart.MailFrom => await view.ReadAsync(region, part, askedAt, batch, await ses.GetIdentityMailFromDomainAttributesAsync(region, batch, cancellationToken),
                (s, m, at) => s with { MailFrom = m, MailFromReadAt = at }, cancellationToken),
            ViewPart.Dkim => await view.ReadAsync(region, part, askedAt, batch, await ses.GetIdentityDkimAttributesAsync(region, batch, cancellationToken),
                (s, d, at) => s with { Dkim = d, DkimReadAt = at }, cancellationToken),
            ViewPart.Dns => await ReadDnsAsync(region, askedAt, batch.Take(options.Value.DnsBatchSize).ToList(), cancellationToken),
            _ => await ReadReadinessAsync(region, askedAt, batch.Take(options.Value.DnsBatchSize).ToList(), cancellationToken),
        };
        await alerts.RaiseAsync(history, cancellationToken);
        return true;
    }, cancellationToken);

    private async Task<IReadOnlyList<HistoryEntry>> ReadDnsAsync(string region, DateTimeOffset askedAt, IReadOnlyList<string> batch, CancellationToken cancellationToken)
    {
        var answers = new ConcurrentDictionary<string, DnsSnapshot>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(batch, cancellationToken, async (identity, ct) =>
        {
            if (view.Find(region, identity)?.MailFrom?.MailFromDomain is not { } domain) return;
            answers[identity] = DnsSnapshot.From(await dns.DiagnoseAsync(domain, region, ct));
        });
        return await view.ReadAsync(region, ViewPart.Dns, askedAt, batch, answers, (s, d, at) => s with { Dns = d ?? s.Dns, DnsCheckedAt = at }, cancellationToken);
    }

    private async Task<IReadOnlyList<HistoryEntry>> ReadReadinessAsync(string region, DateTimeOffset askedAt, IReadOnlyList<string> batch, CancellationToken cancellationToken)
    {
        var answers = new ConcurrentDictionary<string, DeliverabilityReadiness>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(batch, cancellationToken, async (identity, ct) =>
        {
            if (view.Find(region, identity) is not { } state || !MailFromDomainRules.TryIdentityDomain(identity, out var domain, out _)) return;
            var domainDkim = domain == identity ? null : view.Find(region, domain)?.Dkim;
            var facts = await DeliverabilityFactsReader.ReadAsync(deliverabilityDns, identity, state.MailFrom, state.Dkim, domainDkim, ct);
            answers[identity] = DeliverabilityReadiness.From(facts, DeliverabilityRules.Decide(facts));
        });
        return await view.ReadAsync(region, ViewPart.Readiness, askedAt, batch, answers,
            (s, r, at) => s with { Readiness = r ?? s.Readiness, ReadinessCheckedAt = at }, cancellationToken);
    }

    private async Task ListLoopAsync(string region, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
            await Task.Delay(await ListOnceAsync(region, cancellationToken) ? options.Value.ListInterval : options.Value.ErrorPause, time, cancellationToken);
    }

    private async Task PartLoopAsync(string region, ViewPart part, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            // No wait of the sweeper's own while work is due: the wire client spaces the calls at SES's rate.
            var next = Wakeup(region).Next;
            if (await ReadNextAsync(region, part, cancellationToken)) continue;
            await Wake.WaitAsync(next, errors.ContainsKey((region, $"Read {part}")) ? options.Value.ErrorPause : TimeSpan.FromSeconds(1), time, cancellationToken);
        }
    }

    private async Task DnsLoopAsync(string region, ViewPart part, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            // DNS is not SES: no rate limit, but no reason to ask more than a batch a second either.
            await ReadNextAsync(region, part, cancellationToken);
            await Wake.WaitAsync(Wakeup(region).Next, TimeSpan.FromSeconds(1), time, cancellationToken);
        }
    }

    /// <summary>One step of a loop: an AWS or network error is kept for the pages (the loop pauses and goes on); a good step clears it.</summary>
    private async Task<bool> TryAsync(string region, string what, Func<Task<bool>> step, CancellationToken cancellationToken)
    {
        try
        {
            var done = await step();
            errors.TryRemove((region, what), out _);
            return done;
        }
        catch (Exception ex) when (ex is AwsServiceException or HttpRequestException or DbException or DbUpdateException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // The view in memory keeps what SES said; the database catches up with the next save of those identities.
            errors[(region, what)] = ex switch
            {
                AwsServiceException aws => AwsErrorText.Describe(aws),
                DbException or DbUpdateException => $"Saving what SES said failed ({ex.GetBaseException().Message}).",
                _ => $"Could not reach the AWS endpoint ({ex.Message}).",
            };
            logger.LogWarning(ex, "{What} in {Region} failed", what, region);
            return false;
        }
    }

    private Wake Wakeup(string region) => wakes.GetOrAdd(region, _ => new Wake());

    private void WakeRegion(string region) => Wakeup(region).Signal();

    private void OnViewChanged(ViewChange change) => Wakeup(change.Region).Signal();
}
