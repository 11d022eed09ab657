using MailFromConsole.Core.Bulk;
using MailFromConsole.Core.Route53;
using MailFromConsole.Core.Ses;
using MailFromConsole.LocalAws;
using MailFromConsole.Web.Features.Audit;
using MailFromConsole.Web.Features.Bulk;
using MailFromConsole.Web.Tests.Infrastructure.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;

namespace MailFromConsole.Web.Tests.Features.Bulk;

/// <summary>
/// Bulk jobs run by the console's own runner against the embedded local AWS over loopback (real wire clients, real
/// SQLite console database), with every SetIdentityMailFromDomain the console sends counted per identity.
/// </summary>
public sealed class BulkJobRunnerTests : IAsyncLifetime
{
    private const string Region = "us-east-1";

    private readonly SetMailFromCounter sent = new();
    private LocalBackendHost host = null!;

    public async Task InitializeAsync() =>
        host = await LocalBackendHost.StartAsync(
            server: o => o.EnableDnsAndDetection = false,
            settings: new Dictionary<string, string?>
            {
                // The pacing is the wire client's (tested in the Aws tests); here it only must not take 200 real seconds.
                ["Aws:RateLimits:SesMailFromInterval"] = "00:00:00.001",
                ["Aws:RateLimits:SesOtherInterval"] = "00:00:00.001",
                ["Aws:RateLimits:Route53RequestsPerSecond"] = "10000",
                ["Aws:Retry:MaxRetryAttempts"] = "0",
            },
            services: c => c.ConfigureAll<HttpClientFactoryOptions>(o => o.HttpMessageHandlerBuilderActions.Add(b => b.AdditionalHandlers.Insert(0, new CountingHandler(sent)))));

    public async Task DisposeAsync() => await host.DisposeAsync();

    private IServiceProvider Scope => host.Services.CreateScope().ServiceProvider;

    private async Task<IReadOnlyList<string>> AddDomainsAsync(string parent, int count)
    {
        var names = Enumerable.Range(1, count).Select(i => $"d{i:D3}.{parent}").ToList();
        host.Server.AddVerifiedIdentities(Region, names);
        await host.SweepAsync(Region);
        return names;
    }

    private async Task<long> StartAsync(IReadOnlyList<string> identities, BehaviorOnMxFailure behavior = BehaviorOnMxFailure.RejectMessage)
    {
        var bulk = Scope.GetRequiredService<IBulkSetupService>();
        var review = await bulk.ReviewAsync(new BulkRequest(Region, identities, "mail.{domain}", behavior));
        Assert.True(review.Succeeded, review.Error);
        var started = await bulk.StartAsync(review.Value!);
        Assert.True(started.Succeeded, started.Error);
        return started.Value;
    }

    private Task RunAsync(CancellationToken cancellationToken = default) => host.Services.GetRequiredService<BulkJobRunner>().RunActiveJobsAsync(cancellationToken);

    private async Task<BulkJobDetails> JobAsync(long id) => (await Scope.GetRequiredService<IBulkSetupService>().JobAsync(id)).Value!;

    private async Task<IReadOnlyDictionary<string, IdentityMailFromDomainAttributes>> SesAsync(IReadOnlyList<string> identities) =>
        await host.Services.GetRequiredService<ISesClient>().GetIdentityMailFromDomainAttributesAsync(Region, [.. identities]);

    private async Task<IReadOnlyList<ResourceRecordSet>> RecordsAtAsync(string name)
    {
        var route53 = host.Services.GetRequiredService<IRoute53Client>();
        var zone = (await route53.FindPublicHostedZoneAsync(name))!;
        return [.. (await route53.ListResourceRecordSetsAsync(zone.Id, name + ".", null)).Where(s => DnsNames.SameName(s.Name, name))];
    }

    [Fact]
    public async Task TwoHundredIdentitiesReachTheirMailFromDomainAndRecordsAndARestartAfterALostAnswerRepeatsNoRow()
    {
        var identities = await AddDomainsAsync(LocalAwsSeeds.ExampleDomain, 200);
        var id = await StartAsync([.. identities, LocalAwsSeeds.TwoMxDomain]);
        // The 120th answer of SES is lost as the console stops: SES has applied it, the console has not recorded it.
        using var crash = new CancellationTokenSource();
        sent.LoseAnswerAndStop(120, crash);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => RunAsync(crash.Token));
        var midway = await JobAsync(id);
        Assert.Equal(BulkJobState.Running, midway.Job.State);
        Assert.Equal(BulkRowState.MailFromSending, midway.Rows[119].State);

        await host.RestartConsoleAsync();
        await RunAsync();

        var job = await JobAsync(id);
        Assert.Equal(BulkJobState.Finished, job.Job.State);
        Assert.Equal(200, job.Job.Done);
        Assert.All(identities, i => Assert.Equal(1, sent.For(i)));
        Assert.Equal(0, sent.For(LocalAwsSeeds.TwoMxDomain));
        Assert.Contains("after a restart", job.Rows[119].Result);
        var skipped = Assert.Single(job.Rows, r => r.State == BulkRowState.Skipped);
        Assert.Contains("receives mail", skipped.Result);
        var ses = await SesAsync(identities);
        Assert.All(identities, i => Assert.Equal(($"mail.{i}", BehaviorOnMxFailure.RejectMessage), (ses[i].MailFromDomain, ses[i].BehaviorOnMxFailure)));
        var mx = Assert.Single(await RecordsAtAsync($"mail.{identities[150]}"), s => s.Type == "MX");
        Assert.Equal(["10 feedback-smtp.us-east-1.amazonses.com."], mx.Values);
        // Every SES change after the restart is audited under its identity (the test's audit log lives as long as one console).
        var audited = (await host.Services.AuditEntriesAsync()).Where(e => e.Action == AuditActions.SetMailFromDomain && e.Result == AuditResults.Success).Select(e => e.Identity).ToList();
        Assert.Equal(identities.Skip(120), audited);
    }

    [Fact]
    public async Task ARowRefusedBySesIsReportedAndTheOthersGoOn()
    {
        var identities = await AddDomainsAsync(LocalAwsSeeds.ExampleDomain, 6);
        var id = await StartAsync(identities);
        host.Server.InjectFault(new FaultRule { Kind = FaultKind.ServerError, Service = "ses", Action = "SetIdentityMailFromDomain", Count = 1 });

        await RunAsync();

        var job = await JobAsync(id);
        var failed = Assert.Single(job.Rows, r => r.State == BulkRowState.Failed);
        Assert.Contains("SES", failed.Result);
        Assert.Equal(5, job.Job.Done);
        var ses = await SesAsync(identities);
        Assert.Null(ses.GetValueOrDefault(failed.Identity)?.MailFromDomain);
        Assert.All(identities.Where(i => i != failed.Identity), i => Assert.Equal($"mail.{i}", ses[i].MailFromDomain));
    }

    [Fact]
    public async Task ASetSesNeverReceivedIsReadBackAndSentOnceMore()
    {
        var identities = await AddDomainsAsync(LocalAwsSeeds.ExampleDomain, 3);
        var id = await StartAsync(identities);
        sent.LoseNextSetRequestOf(identities[1]);

        await RunAsync();

        var job = await JobAsync(id);
        Assert.Equal((BulkJobState.Finished, 3), (job.Job.State, job.Job.Done));
        Assert.All(identities, i => Assert.Equal(1, sent.For(i)));
        Assert.Contains("sent again", job.Rows.Single(r => r.Identity == identities[1]).Result);
        var ses = await SesAsync(identities);
        Assert.All(identities, i => Assert.Equal($"mail.{i}", ses[i].MailFromDomain));
    }

    [Fact]
    public async Task AZoneBatchRefusedByRoute53IsReportedPerRowAndTheOtherZoneGoesOn()
    {
        var inExampleCom = await AddDomainsAsync(LocalAwsSeeds.ExampleDomain, 3);
        var inExampleNet = await AddDomainsAsync(LocalAwsSeeds.ReadyDomain, 3);
        var id = await StartAsync([.. inExampleCom, .. inExampleNet]);
        host.Server.InjectFault(new FaultRule { Kind = FaultKind.ServerError, Service = "route53", Action = "ChangeResourceRecordSets", Count = 1 });

        await RunAsync();

        var job = await JobAsync(id);
        var failed = job.Rows.Where(r => r.State == BulkRowState.Failed).ToList();
        Assert.Equal(3, failed.Count);
        Assert.Single(failed.Select(r => r.Zone).Distinct());
        Assert.All(failed, r => Assert.Contains("Route 53", r.Result));
        Assert.Equal(3, job.Job.Done);
        // A row whose records failed is not half set up: SES is not asked for it.
        Assert.All(failed, r => Assert.Equal(0, sent.For(r.Identity)));
    }

    [Fact]
    public async Task ABatchWhoseRoute53AnswerIsLostIsReadBackAndNotSentAgain()
    {
        var identities = await AddDomainsAsync(LocalAwsSeeds.ExampleDomain, 3);
        var id = await StartAsync(identities);
        sent.LoseNextBatch(LostBatch.Answer);

        await RunAsync();

        var job = await JobAsync(id);
        Assert.Equal((BulkJobState.Finished, 3), (job.Job.State, job.Job.Done));
        Assert.Equal(1, sent.Batches);
        Assert.All(identities, i => Assert.Equal(1, sent.For(i)));
        Assert.Equal(["10 feedback-smtp.us-east-1.amazonses.com."], Assert.Single(await RecordsAtAsync($"mail.{identities[1]}"), s => s.Type == "MX").Values);
        var batch = Assert.Single(await host.Services.AuditEntriesAsync(), e => e.Action == AuditActions.PublishRecords);
        Assert.Equal(AuditResults.OutcomeUnknown, batch.Result);
    }

    [Fact]
    public async Task ABatchRoute53NeverReceivedIsReadBackAndSentAgainRowByRow()
    {
        var identities = await AddDomainsAsync(LocalAwsSeeds.ExampleDomain, 3);
        var id = await StartAsync(identities);
        sent.LoseNextBatch(LostBatch.Request);

        await RunAsync();

        var job = await JobAsync(id);
        Assert.Equal((BulkJobState.Finished, 3), (job.Job.State, job.Job.Done));
        Assert.Equal(3, sent.Batches);
        foreach (var identity in identities) Assert.Single(await RecordsAtAsync($"mail.{identity}"), s => s.Type == "MX");
    }

    [Fact]
    public async Task ARestartAfterARoute53AnswerLostInACrashReadsTheZoneAndSendsNoBatchAgain()
    {
        var identities = await AddDomainsAsync(LocalAwsSeeds.ExampleDomain, 3);
        var id = await StartAsync(identities);
        using var crash = new CancellationTokenSource();
        sent.LoseNextBatch(LostBatch.Answer, crash);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => RunAsync(crash.Token));
        Assert.All((await JobAsync(id)).Rows, r => Assert.Equal(BulkRowState.RecordsSending, r.State));

        await host.RestartConsoleAsync();
        await RunAsync();

        var job = await JobAsync(id);
        Assert.Equal((BulkJobState.Finished, 3), (job.Job.State, job.Job.Done));
        Assert.Equal(1, sent.Batches);
        Assert.All(identities, i => Assert.Equal(1, sent.For(i)));
    }

    [Fact]
    public async Task ACancelledJobChangesNothingMoreAndItsRowsSayCancelled()
    {
        var identities = await AddDomainsAsync(LocalAwsSeeds.ExampleDomain, 4);
        var id = await StartAsync(identities);
        Assert.True((await Scope.GetRequiredService<IBulkSetupService>().CancelAsync(id)).Succeeded);

        await RunAsync();

        var job = await JobAsync(id);
        Assert.Equal(BulkJobState.Cancelled, job.Job.State);
        Assert.All(job.Rows, r => Assert.Equal(BulkRowState.Cancelled, r.State));
        Assert.All(identities, i => Assert.Equal(0, sent.For(i)));
        Assert.Empty(await RecordsAtAsync($"mail.{identities[0]}"));
    }

    private enum LostBatch { Answer, Request }

    /// <summary>
    /// Counts SetIdentityMailFromDomain per identity and the ChangeResourceRecordSets batches that reached Route 53; can
    /// lose one SES answer and stop the console there, and lose one batch's answer (Route 53 applied it) or the batch
    /// itself (it never arrived), optionally stopping the console too.
    /// </summary>
    private sealed class SetMailFromCounter
    {
        private readonly Dictionary<string, int> counts = new(StringComparer.OrdinalIgnoreCase);
        private int total;
        private int batches;
        private (int At, CancellationTokenSource Stop)? crash;
        private (LostBatch What, CancellationTokenSource? Stop)? lostBatch;
        private string? lostSetRequestOf;

        public int Batches
        {
            get { lock (counts) return batches; }
        }

        public int For(string identity)
        {
            lock (counts) return counts.GetValueOrDefault(identity);
        }

        public void LoseAnswerAndStop(int at, CancellationTokenSource stop) => crash = (at, stop);

        public void LoseNextBatch(LostBatch what, CancellationTokenSource? stop = null) => lostBatch = (what, stop);

        public void LoseNextSetRequestOf(string identity)
        {
            lock (counts) lostSetRequestOf = identity;
        }

        /// <summary>True when this identity's Set request is to be lost before it reaches SES (spent once taken).</summary>
        public bool TakeLostRequest(string identity)
        {
            lock (counts)
            {
                if (!string.Equals(lostSetRequestOf, identity, StringComparison.OrdinalIgnoreCase)) return false;
                lostSetRequestOf = null;
                return true;
            }
        }

        /// <summary>True when this answer is to be lost.</summary>
        public bool Add(string identity)
        {
            lock (counts)
            {
                counts[identity] = counts.GetValueOrDefault(identity) + 1;
                return ++total == crash?.At;
            }
        }

        /// <summary>The loss to apply to the batch about to be sent, if any (spent once taken).</summary>
        public (LostBatch What, CancellationTokenSource? Stop)? TakeLostBatch()
        {
            lock (counts)
            {
                var lost = lostBatch;
                lostBatch = null;
                return lost;
            }
        }

        public void BatchArrived()
        {
            lock (counts) batches++;
        }

        public void Stop() => crash?.Stop.Cancel();
    }

    private sealed class CountingHandler(SetMailFromCounter counter) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method == HttpMethod.Post && request.RequestUri!.AbsolutePath.TrimEnd('/').EndsWith("/rrset", StringComparison.Ordinal))
                return await SendBatchAsync(request, cancellationToken);
            var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
            var form = System.Web.HttpUtility.ParseQueryString(body);
            // The connection drops before the request reaches SES: the console cannot tell that from a lost answer.
            if (form["Action"] == "SetIdentityMailFromDomain" && counter.TakeLostRequest(form["Identity"]!))
                throw new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely.");
            var response = await base.SendAsync(request, cancellationToken);
            if (form["Action"] == "SetIdentityMailFromDomain" && counter.Add(form["Identity"]!))
            {
                counter.Stop();
                response.Dispose();
                throw new OperationCanceledException("The console stopped before it read the answer.");
            }
            return response;
        }

        private async Task<HttpResponseMessage> SendBatchAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var lost = counter.TakeLostBatch();
            // The connection drops after the request left: whether Route 53 got it is not known to the console.
            var dropped = new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely.");
            if (lost?.What == LostBatch.Request) throw dropped;
            var response = await base.SendAsync(request, cancellationToken);
            counter.BatchArrived();
            if (lost is null) return response;
            response.Dispose();
            if (lost.Value.Stop is { } stop)
            {
                await stop.CancelAsync();
                throw new OperationCanceledException("The console stopped before it read the answer.");
            }
            throw dropped;
        }
    }
}
