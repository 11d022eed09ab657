using MailFromConsole.Core;
using MailFromConsole.Core.Ses;
using MailFromConsole.Web.Features.Audit;
using MailFromConsole.Web.Infrastructure.Storage;

namespace MailFromConsole.Web.Infrastructure.Changes;

/// <summary>
/// Completes the intent entries a stopped console left open (it crashed between writing the intent and the outcome):
/// each becomes <see cref="AuditResults.OutcomeUnknown"/>, with what SES holds for the identity now, so whoever reads
/// the log sees whether the change landed. On SQLite (one instance) every entry from before this start is such a
/// leftover; on a shared PostgreSQL database another instance may still be making it, so only entries older than
/// <see cref="InFlightLimit"/> are, checked again at that interval.
/// </summary>
internal sealed class UnfinishedChanges(IAuditLog audit, ISesClient ses, StorageOptions storage, TimeProvider time, ILogger<UnfinishedChanges> logger)
    : BackgroundService
{
    /// <summary>Longer than any change call with its retries takes.</summary>
    public static readonly TimeSpan InFlightLimit = TimeSpan.FromMinutes(10);

    private static readonly HashSet<string> SesActions =
    [
        AuditActions.SetMailFromDomain, AuditActions.DisableMailFromDomain, AuditActions.VerifyEmailIdentity, AuditActions.VerifyDomainIdentity,
        AuditActions.DeleteIdentity, AuditActions.EnableEasyDkim, AuditActions.SendTestEmail,
    ];

    private readonly DateTimeOffset _started = time.GetUtcNow();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await ResolveAsync(storage.IsPostgres ? time.GetUtcNow() - InFlightLimit : _started, stoppingToken);
        if (!storage.IsPostgres) return;
        using var timer = new PeriodicTimer(InFlightLimit, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await ResolveAsync(time.GetUtcNow() - InFlightLimit, stoppingToken);
        }
    }

    /// <summary>Marks every open intent entry started before <paramref name="startedBefore"/>; returns how many.</summary>
    public async Task<int> ResolveAsync(DateTimeOffset startedBefore, CancellationToken cancellationToken)
    {
        var open = await audit.OpenAsync(startedBefore, cancellationToken);
        foreach (var entry in open)
        {
            var now = await CurrentStateAsync(entry, cancellationToken);
            logger.LogWarning("Audit entry {Id} ({Action} of {Identity} in {Region} by {User}) was left open by a stopped console: outcome unknown. {Now}",
                entry.Id, entry.Action, entry.Identity, entry.Region, entry.User, now);
            await audit.CompleteAsync(entry with
            {
                Result = AuditResults.OutcomeUnknown,
                Detail = $"The console stopped before AWS answered: the change may or may not have been applied. {now}",
            }, cancellationToken);
        }
        return open.Count;
    }

    private async Task<string> CurrentStateAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        if (entry.Action == AuditActions.PublishRecords)
            return "Compare the records in Route 53 with the After value.";
        if (!SesActions.Contains(entry.Action) || entry.Region.Length == 0 || entry.Identity.Length == 0)
            return "";
        try
        {
            var verification = await ses.GetIdentityVerificationAttributesAsync(entry.Region, [entry.Identity], cancellationToken);
            var mailFrom = await ses.GetIdentityMailFromDomainAttributesAsync(entry.Region, [entry.Identity], cancellationToken);
            var status = verification.TryGetValue(entry.Identity, out var v) ? v.VerificationStatus.ToString() : "not an identity";
            return $"Read at restart: SES has {entry.Identity} as {status}, MAIL FROM {AuditText.MailFrom(mailFrom.GetValueOrDefault(entry.Identity))}.";
        }
        catch (Exception ex) when (ex is AwsServiceException or HttpRequestException or TimeoutException)
        {
            logger.LogWarning(ex, "Could not read {Identity} in {Region} for open audit entry {Id}", entry.Identity, entry.Region, entry.Id);
            return $"SES could not be read at restart ({ex.Message}); check the identity in SES.";
        }
    }
}
