using MailFromConsole.Core.Records;
using MailFromConsole.Core.Route53;
using MailFromConsole.Core.Ses;
using MailFromConsole.LocalAws;
using MailFromConsole.Web.Features.Audit;
using MailFromConsole.Web.Features.MailFrom;
using MailFromConsole.Web.Infrastructure.Changes;
using MailFromConsole.Web.Infrastructure.Storage;
using MailFromConsole.Web.Tests.Infrastructure.Hosting;
using MailFromConsole.Web.Tests.Infrastructure.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace MailFromConsole.Web.Tests.Infrastructure.Changes;

/// <summary>
/// Audit first (#16 item 5), against the local AWS over HTTP: the intent entry is written before SES is asked, a change
/// whose entry cannot be written is not made, and an entry a stopped console left open is marked unknown at the next
/// start and resolved (applied or not) by what SES holds then.
/// </summary>
public sealed class AuditFirstTests : IAsyncLifetime
{
    private const string Region = LocalAwsSeeds.Region;
    private const string Identity = LocalAwsSeeds.ExampleDomain;
    private readonly TempFolder auditFolder = new();
    private LocalBackendHost host = null!;
    private ConsoleAuditLog audit = null!;

    private string AuditFile => Path.Combine(auditFolder.Path, StorageOptions.SqliteFileName);

    public async Task InitializeAsync()
    {
        // The audit log in a file of its own, waiting at most a second for a lock (the default is 30 s).
        audit = new ConsoleAuditLog(new ConsoleDatabase(new StorageOptions(StorageProvider.Sqlite,
            new SqliteConnectionStringBuilder { DataSource = AuditFile, DefaultTimeout = 1 }.ToString(), "test audit log")));
        host = await LocalBackendHost.StartAsync(services: s => s.AddSingleton<IAuditLog>(audit));
        await audit.QueryAsync(new AuditQuery());
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        auditFolder.Dispose();
    }

    private IMailFromService MailFrom => host.Services.CreateScope().ServiceProvider.GetRequiredService<IMailFromService>();

    private async Task<string?> SesMailFromAsync() =>
        (await host.Services.GetRequiredService<ISesClient>().GetIdentityMailFromDomainAttributesAsync(Region, [Identity])).GetValueOrDefault(Identity)?.MailFromDomain;

    private async Task<IReadOnlyList<AuditEntry>> EntriesAsync() => (await audit.QueryAsync(new AuditQuery())).Entries;

    [Fact]
    public async Task AChangeWhoseAuditEntryCannotBeWrittenIsNotMadeAndTheUserIsTold()
    {
        await using var locker = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = AuditFile }.ToString());
        await locker.OpenAsync();
        await using (var exclusive = locker.CreateCommand())
        {
            exclusive.CommandText = "BEGIN IMMEDIATE;";
            await exclusive.ExecuteNonQueryAsync();
        }

        var set = await MailFrom.SetAsync(Region, Identity, "mail.example.com", BehaviorOnMxFailure.UseDefaultValue);

        Assert.False(set.Succeeded);
        Assert.Equal(ChangeGate.AuditUnavailableCode, set.ErrorCode);
        Assert.Contains("Nothing was changed: the audit log could not be written", set.Error);
        await using (var release = locker.CreateCommand())
        {
            release.CommandText = "ROLLBACK;";
            await release.ExecuteNonQueryAsync();
        }
        Assert.Null(await SesMailFromAsync());
        Assert.Empty(await EntriesAsync());
    }

    [Fact]
    public async Task TheIntentIsInTheLogWhileSesIsAskedAndAnEntryLeftOpenIsMarkedUnknownAtTheNextStart()
    {
        host.Server.InjectFault(new FaultRule { Kind = FaultKind.Delay, Service = "ses", Action = "SetIdentityMailFromDomain", DelayMilliseconds = 20_000, Count = 1 });
        using var closePage = new CancellationTokenSource();
        var set = MailFrom.SetAsync(Region, Identity, "mail.example.com", BehaviorOnMxFailure.RejectMessage, cancellationToken: closePage.Token);

        var intent = await WaitForOpenEntryAsync(set);
        Assert.Equal((AuditActions.SetMailFromDomain, Identity, "mail.example.com (RejectMessage)"), (intent.Action, intent.Identity, intent.After));

        // The console "restarts" while SES has not answered: the entry it left open is resolved by reading SES.
        var restarted = ActivatorUtilities.CreateInstance<UnfinishedChanges>(host.Services);
        Assert.Equal(1, await restarted.ResolveAsync(DateTimeOffset.UtcNow, CancellationToken.None));

        var entry = Assert.Single(await EntriesAsync());
        Assert.Equal(AuditResults.NotApplied, entry.Result);
        Assert.StartsWith("Outcome unknown: the console stopped before AWS answered.", entry.Detail);
        Assert.Contains($"Read at restart: SES has {Identity} as Success, MAIL FROM (not set): the change was not applied.", entry.Detail);
        await closePage.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => set);
        Assert.Equal(AuditResults.NotApplied, Assert.Single(await EntriesAsync()).Result);
    }

    [Fact]
    public async Task AnEntryLeftOpenWhoseChangeSesShowsIsResolvedAsApplied()
    {
        // SES made the change; the console stopped before it wrote the outcome.
        await host.Services.GetRequiredService<ISesClient>().SetIdentityMailFromDomainAsync(Region, Identity, "mail.example.com", BehaviorOnMxFailure.RejectMessage);
        await audit.StartAsync(new AuditEntry
        {
            At = DateTimeOffset.UtcNow.AddSeconds(-1), User = "operator", Region = Region, Identity = Identity, Action = AuditActions.SetMailFromDomain,
            Before = AuditText.NotSet, After = "mail.example.com (RejectMessage)", Result = AuditResults.InProgress,
        });

        var restarted = ActivatorUtilities.CreateInstance<UnfinishedChanges>(host.Services);
        Assert.Equal(1, await restarted.ResolveAsync(DateTimeOffset.UtcNow, CancellationToken.None));

        var entry = Assert.Single(await EntriesAsync());
        Assert.Equal(AuditResults.Success, entry.Result);
        Assert.Contains($"Read at restart: SES has {Identity} as Success, MAIL FROM mail.example.com (RejectMessage): the change was applied.", entry.Detail);
    }

    [Fact]
    public async Task PublishEntriesLeftOpenAreResolvedByReadingTheirRecordSetsInRoute53()
    {
        var route53 = host.Services.GetRequiredService<IRoute53Client>();
        var zone = (await route53.FindPublicHostedZoneAsync(Identity))!;
        var applied = RecordSetPlanner.MailFrom("mail.example.com", Region, []);
        var lost = RecordSetPlanner.MailFrom("bounce.example.com", Region, []);
        // Route 53 took the first batch; the console stopped before it wrote either outcome (the second never left).
        await route53.ChangeResourceRecordSetsAsync(zone.Id, applied.Changes, "sent before the console stopped");
        foreach (var plan in new[] { applied, lost })
        {
            await audit.StartAsync(new AuditEntry
            {
                At = DateTimeOffset.UtcNow.AddSeconds(-1), User = "operator", Region = Region, Identity = Identity, Action = AuditActions.PublishRecords,
                Before = AuditText.Records(plan.Lines, after: false), After = AuditText.Records(plan.Lines, after: true), Result = AuditResults.InProgress,
            });
        }

        var restarted = ActivatorUtilities.CreateInstance<UnfinishedChanges>(host.Services);
        Assert.Equal(2, await restarted.ResolveAsync(DateTimeOffset.UtcNow, CancellationToken.None));

        var entries = await EntriesAsync();
        var made = Assert.Single(entries, e => e.After!.Contains("MX mail.example.com", StringComparison.Ordinal));
        Assert.Equal(AuditResults.Success, made.Result);
        Assert.Contains("Read at restart: Route 53 has MX mail.example.com. = 10 feedback-smtp.us-east-1.amazonses.com.", made.Detail);
        Assert.EndsWith("the change was applied.", made.Detail);
        var notMade = Assert.Single(entries, e => e.After!.Contains("MX bounce.example.com", StringComparison.Ordinal));
        Assert.Equal(AuditResults.NotApplied, notMade.Result);
        Assert.EndsWith("the change was not applied.", notMade.Detail);
    }

    [Fact]
    public async Task AChangeCompletesItsIntentEntryWithTheOutcome()
    {
        var set = await MailFrom.SetAsync(Region, Identity, "mail.example.com", BehaviorOnMxFailure.RejectMessage);

        Assert.True(set.Succeeded, set.Error);
        var entry = Assert.Single(await EntriesAsync());
        Assert.Equal((AuditResults.Success, "(not set)", "mail.example.com (RejectMessage)"), (entry.Result, entry.Before, entry.After));
        Assert.Empty(await audit.OpenAsync(DateTimeOffset.UtcNow.AddMinutes(1)));
    }

    /// <summary>The open intent entry, which must appear while the (delayed) change has not returned.</summary>
    private async Task<AuditEntry> WaitForOpenEntryAsync(Task change)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(change.IsCompleted, "The change returned before its intent entry was seen.");
            if ((await audit.OpenAsync(DateTimeOffset.UtcNow.AddMinutes(1))).SingleOrDefault() is { } open) return open;
            await Task.Delay(50);
        }
        throw new TimeoutException("No intent entry was written while SES was being asked.");
    }
}
