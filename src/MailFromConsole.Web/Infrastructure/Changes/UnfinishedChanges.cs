using System.Text.RegularExpressions;
using MailFromConsole.Core;
using MailFromConsole.Core.Records;
using MailFromConsole.Core.Route53;
using MailFromConsole.Core.Ses;
using MailFromConsole.Web.Features.Audit;
using MailFromConsole.Web.Infrastructure.Storage;

namespace MailFromConsole.Web.Infrastructure.Changes;

/// <summary>
/// Completes the intent entries a stopped console left open (it crashed between writing the intent and the outcome):
/// each is marked outcome unknown and resolved by reading AWS: a MAIL FROM change whose "after" SES now shows becomes
/// <see cref="AuditResults.Success"/>, one it does not show <see cref="AuditResults.NotApplied"/>; a publish whose
/// record sets Route 53 now lists as its "after" Success, as its "before" NotApplied; the others stay
/// <see cref="AuditResults.OutcomeUnknown"/> with what AWS holds now. On SQLite (one instance) every entry
/// from before this start is such a leftover; on a shared PostgreSQL database another instance may still be making it,
/// so only entries older than <see cref="InFlightLimit"/> are, checked again at that interval. Bulk jobs wait for the
/// first pass (<see cref="FirstPass"/>), so a job resuming a row cannot make its old entry look applied.
/// </summary>
internal sealed partial class UnfinishedChanges(
    IAuditLog audit, ISesClient ses, IRoute53Accounts route53, StorageOptions storage, TimeProvider time, ILogger<UnfinishedChanges> logger)
    : BackgroundService
{
    /// <summary>Longer than any change call with its retries takes.</summary>
    public static readonly TimeSpan InFlightLimit = TimeSpan.FromMinutes(10);

    private static readonly HashSet<string> SesActions =
    [
        AuditActions.SetMailFromDomain, AuditActions.DisableMailFromDomain, AuditActions.SetBehaviorOnMxFailure, AuditActions.VerifyEmailIdentity,
        AuditActions.VerifyDomainIdentity, AuditActions.DeleteIdentity, AuditActions.EnableEasyDkim, AuditActions.SendTestEmail,
    ];

    /// <summary>The changes whose before and after are MAIL FROM settings in <see cref="AuditText.MailFrom(IdentityMailFromDomainAttributes?)"/>'s words.</summary>
    private static readonly HashSet<string> MailFromActions = [AuditActions.SetMailFromDomain, AuditActions.DisableMailFromDomain, AuditActions.SetBehaviorOnMxFailure];

    private readonly DateTimeOffset _started = time.GetUtcNow();
    private readonly TaskCompletionSource _firstPass = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Ends when the entries left open before this start are resolved (or that pass failed).</summary>
    public Task FirstPass => _firstPass.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await ResolveAsync(storage.IsPostgres ? time.GetUtcNow() - InFlightLimit : _started, stoppingToken);
        }
        finally
        {
            _firstPass.TrySetResult();
        }
        if (!storage.IsPostgres) return;
        using var timer = new PeriodicTimer(InFlightLimit, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await ResolveAsync(time.GetUtcNow() - InFlightLimit, stoppingToken);
        }
    }

    /// <summary>Marks every open intent entry started before <paramref name="startedBefore"/> and resolves it; returns how many.</summary>
    public async Task<int> ResolveAsync(DateTimeOffset startedBefore, CancellationToken cancellationToken)
    {
        var open = await audit.OpenAsync(startedBefore, cancellationToken);
        foreach (var entry in open)
        {
            var (result, now) = await ResolutionAsync(entry, cancellationToken);
            logger.LogWarning("Audit entry {Id} ({Action} of {Identity} in {Region} by {User}) was left open by a stopped console: {Result}. {Now}",
                entry.Id, entry.Action, entry.Identity, entry.Region, entry.User, result, now);
            await audit.CompleteAsync(entry with
            {
                Result = result,
                Detail = $"Outcome unknown: the console stopped before AWS answered. {now}".TrimEnd(),
            }, cancellationToken);
        }
        return open.Count;
    }

    private async Task<(string Result, string Detail)> ResolutionAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        const string unknown = AuditResults.OutcomeUnknown;
        if (entry.Action == AuditActions.PublishRecords) return await RecordsResolutionAsync(entry, cancellationToken);
        if (!SesActions.Contains(entry.Action) || entry.Region.Length == 0 || entry.Identity.Length == 0)
            return (unknown, "The change may or may not have been applied.");
        try
        {
            var verification = await ses.GetIdentityVerificationAttributesAsync(entry.Region, [entry.Identity], cancellationToken);
            var mailFrom = await ses.GetIdentityMailFromDomainAttributesAsync(entry.Region, [entry.Identity], cancellationToken);
            var status = verification.TryGetValue(entry.Identity, out var v) ? v.VerificationStatus.ToString() : "not an identity";
            var setting = AuditText.MailFrom(mailFrom.GetValueOrDefault(entry.Identity));
            var read = $"Read at restart: SES has {entry.Identity} as {status}, MAIL FROM {setting}";
            // A MAIL FROM change is in effect exactly when SES shows its "after"; a restart of the setup (no "after") cannot be told apart.
            if (!MailFromActions.Contains(entry.Action) || entry.After is null || status == "not an identity") return (unknown, read + ".");
            if (string.Equals(setting, entry.After, StringComparison.OrdinalIgnoreCase)) return (AuditResults.Success, read + ": the change was applied.");
            var since = entry.Before is null || string.Equals(setting, entry.Before, StringComparison.OrdinalIgnoreCase) ? "" : " (nor the setting from before: it was changed since)";
            return (AuditResults.NotApplied, read + $": the change was not applied{since}.");
        }
        catch (Exception ex) when (ex is AwsServiceException or HttpRequestException or TimeoutException)
        {
            logger.LogWarning(ex, "Could not read {Identity} in {Region} for open audit entry {Id}", entry.Identity, entry.Region, entry.Id);
            return (unknown, $"The change may or may not have been applied: SES could not be read at restart ({ex.Message}); check the identity in SES.");
        }
    }

    /// <summary>Reads the record sets the entry's "after" names, in its order and wording (<see cref="AuditText.Records"/>), and compares.</summary>
    private async Task<(string Result, string Detail)> RecordsResolutionAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        const string compare = "The change may or may not have been applied: compare the records in Route 53 with the After value.";
        var named = RecordSetHeader().Matches(entry.After ?? "").Select(m => (Type: m.Groups["type"].Value, Name: m.Groups["name"].Value)).ToList();
        if (named.Count == 0) return (AuditResults.OutcomeUnknown, compare);
        try
        {
            var lines = new List<PreviewLine>();
            foreach (var (type, name) in named)
            {
                var client = route53.For(name).Client;
                var zone = await client.FindPublicHostedZoneAsync(name, cancellationToken);
                var values = zone is null ? [] : (await client.ListResourceRecordSetsAsync(zone.Id, name, type, cancellationToken))
                    .Where(set => set.Type == type && DnsNames.SameName(set.Name, name)).SelectMany(set => set.Values).ToList();
                lines.Add(new PreviewLine(name, type, PreviewLineKind.Change, values, values));
            }
            var now = AuditText.Records(lines, after: true);
            var read = $"Read at restart: Route 53 has {now}";
            if (now == entry.After) return (AuditResults.Success, read + ": the change was applied.");
            if (now == entry.Before) return (AuditResults.NotApplied, read + ": the change was not applied.");
            return (AuditResults.OutcomeUnknown, read + ": neither the records from before nor the ones asked for. " + compare);
        }
        catch (Exception ex) when (ex is AwsServiceException or HttpRequestException or TimeoutException)
        {
            logger.LogWarning(ex, "Could not read Route 53 for open audit entry {Id}", entry.Id);
            return (AuditResults.OutcomeUnknown, $"Route 53 could not be read at restart ({ex.Message}). " + compare);
        }
    }

    /// <summary>Where a record set starts in <see cref="AuditText.Records"/>' wording: "TYPE name = ", first or after "; ".</summary>
    [GeneratedRegex(@"(?:^|; )(?<type>[A-Z]+) (?<name>[^\s=;|]+) = ", RegexOptions.CultureInvariant)]
    private static partial Regex RecordSetHeader();
}
