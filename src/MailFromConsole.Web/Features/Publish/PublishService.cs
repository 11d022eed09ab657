using MailFromConsole.Core;
using MailFromConsole.Core.MailFrom;
using MailFromConsole.Core.Records;
using MailFromConsole.Core.Route53;
using MailFromConsole.Core.Spf;
using MailFromConsole.Web.Features.Audit;
using MailFromConsole.Web.Infrastructure.Auth;
using MailFromConsole.Web.Infrastructure.Changes;
using MailFromConsole.Web.Infrastructure.Errors;
using MailFromConsole.Web.Infrastructure.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MailFromConsole.Web.Features.Publish;

public sealed class PublishService(
    IRoute53Client route53,
    TimeProvider time,
    IOptions<ConsoleTimingOptions> timing,
    IRoleGuard guard,
    IAuditTrail audit,
    ILogger<PublishService> logger) : IPublishService
{
    private readonly ChangeGate gate = new(guard, audit, logger);

    private const long DefaultTtl = 300;

    public Task<ServiceResult<PublishPreview>> PreviewAsync(PublishTarget target, CancellationToken cancellationToken = default)
    {
        // Records are only ever offered for a valid DNS name, in its normalised (punycode, lower-case) form.
        if (target is PublishTarget.MailFrom mailFrom)
        {
            if (!DnsNameRules.TryNormalize(mailFrom.MailFromDomain, "The MAIL FROM domain", out var normalized, out var errors))
                return Task.FromResult(ServiceResult<PublishPreview>.Fail(string.Join(" ", errors), "InvalidMailFromDomain"));
            if (normalized != mailFrom.MailFromDomain)
                target = new PublishTarget.MailFrom(normalized, mailFrom.Region) { Identity = mailFrom.Identity };
        }

        return ServiceEdge.RunAsync(logger, "Preview Route 53 change", () => BuildPreviewAsync(target, cancellationToken));
    }

    public async Task<ServiceResult<PublishOutcome>> ApplyAsync(PublishPreview preview, CancellationToken cancellationToken = default)
    {
        var attempt = new AuditChange(AuditActions.PublishRecords, preview.Target.AuditRegion, preview.Target.AuditIdentity)
        {
            Before = AuditText.Records(preview.Lines, after: false),
            After = AuditText.Records(preview.Lines, after: true),
        };
        if (await gate.RefuseAsync(ConsoleRole.Operator, attempt) is { } refusal) return ServiceResult<PublishOutcome>.Fail(refusal, ChangeGate.NotAuthorizedCode);
        if (!preview.CanApply)
            return ServiceResult<PublishOutcome>.Fail(preview.Refusal ?? "There is nothing to publish.", "NothingToPublish");
        var result = await PublishAsync(preview, cancellationToken);
        await gate.RecordAsync(result.Value switch
        {
            { Change: { } change } => attempt with { ChangeId = change.Id, Detail = $"Hosted zone {preview.Zone!.Id}" },
            { Conflict: true } outcome => attempt with { Result = "InvalidChangeBatch", Detail = outcome.Message },
            _ => attempt,
        }, result);
        return result;
    }

    private async Task<ServiceResult<PublishOutcome>> PublishAsync(PublishPreview preview, CancellationToken cancellationToken)
    {
        try
        {
            var comment = $"MailFromConsole: records for {preview.Target.Name}";
            var change = await route53.ChangeResourceRecordSetsAsync(preview.Zone!.Id, preview.Changes, comment, cancellationToken);
            return ServiceResult<PublishOutcome>.Ok(new PublishOutcome(change, null, $"Route 53 accepted change {change.Id} ({StatusText(change.Status)})."));
        }
        catch (AwsServiceException ex) when (ex.ErrorCode == "InvalidChangeBatch")
        {
            // Our DELETEs name the values we previewed: Route 53 refuses them when someone changed the records meanwhile.
            logger.LogInformation("Change for {Name} refused ({Message}); reloading the preview", preview.Target.Name, ex.AwsMessage);
            var reloaded = await PreviewAsync(preview.Target, cancellationToken);
            if (!reloaded.Succeeded) return ServiceResult<PublishOutcome>.Fail(reloaded.Error!, reloaded.ErrorCode);
            return ServiceResult<PublishOutcome>.Ok(new PublishOutcome(null, reloaded.Value,
                $"The records at {preview.Target.Name} changed since the preview, so nothing was published. Review the new preview. (Route 53: {ex.AwsMessage})"));
        }
        catch (AwsServiceException ex)
        {
            logger.LogWarning("Publishing {Name} failed: {Code} {Message}", preview.Target.Name, ex.ErrorCode, ex.AwsMessage);
            return ServiceResult<PublishOutcome>.Fail(AwsErrorText.Describe(ex), ex.ErrorCode);
        }
        catch (HttpRequestException ex)
        {
            logger.LogWarning(ex, "Publishing {Name} failed", preview.Target.Name);
            return ServiceResult<PublishOutcome>.Fail($"Could not reach Route 53 ({ex.Message}). Nothing was published.", "NetworkError");
        }
        catch (Exception ex) when (ex is TimeoutException || ex is TaskCanceledException { InnerException: TimeoutException })
        {
            // Route 53 may or may not have taken the batch: say so rather than "nothing was published".
            logger.LogWarning(ex, "Publishing {Name} timed out", preview.Target.Name);
            return ServiceResult<PublishOutcome>.Fail("Route 53 did not answer in time. The change may or may not have been applied: reload the preview before trying again.", "Timeout");
        }
    }

    public Task<ServiceResult<ChangeInfo>> WaitForInSyncAsync(string changeId, Action<ChangeInfo>? onStatus = null, CancellationToken cancellationToken = default) =>
        ServiceEdge.RunAsync(logger, "Follow Route 53 change", async () =>
        {
            var deadline = time.GetUtcNow() + timing.Value.ChangeWaitLimit;
            while (true)
            {
                var change = await route53.GetChangeAsync(changeId, cancellationToken);
                onStatus?.Invoke(change);
                if (change.Status == ChangeStatus.InSync || time.GetUtcNow() >= deadline) return change;
                await Task.Delay(timing.Value.ChangePollInterval, time, cancellationToken);
            }
        });

    public static string StatusText(ChangeStatus status) => status == ChangeStatus.InSync ? "INSYNC" : "PENDING";

    private async Task<PublishPreview> BuildPreviewAsync(PublishTarget target, CancellationToken cancellationToken)
    {
        var name = target.Name.TrimEnd('.').ToLowerInvariant();
        var zone = await route53.FindPublicHostedZoneAsync(name, cancellationToken);
        if (zone is null) return new PublishPreview(target, null, [], [], null, []);

        var fqdn = name + ".";
        var sets = (await route53.ListResourceRecordSetsAsync(zone.Id, fqdn, null, cancellationToken))
            .Where(s => string.Equals(s.Name, fqdn, StringComparison.OrdinalIgnoreCase))
            .ToList();

        if (sets.FirstOrDefault(s => s.Type == "CNAME") is { } cname)
        {
            var refusal = $"{name} is a CNAME (to {string.Join(", ", cname.Values)}). A name with a CNAME cannot have MX or TXT records: pick another subdomain, or remove the CNAME first.";
            return new PublishPreview(target, zone, [], [], refusal, []);
        }

        return target switch
        {
            PublishTarget.MailFrom mailFrom => MailFromPreview(mailFrom, zone, fqdn, sets),
            PublishTarget.Verification verification => VerificationPreview(verification, zone, fqdn, sets),
            _ => throw new ArgumentOutOfRangeException(nameof(target)),
        };
    }

    private static PublishPreview MailFromPreview(PublishTarget.MailFrom target, HostedZone zone, string fqdn, List<ResourceRecordSet> sets)
    {
        var lines = new List<PreviewLine>();
        var changes = new List<RecordSetChange>();
        var notes = new List<string>();
        var wantedMx = $"10 {RequiredRecords.FeedbackHost(target.Region)}.";

        var mx = sets.FirstOrDefault(s => s.Type == "MX");
        if (mx is null)
        {
            changes.Add(new RecordSetChange(ChangeAction.Create, new ResourceRecordSet(fqdn, "MX", DefaultTtl, [wantedMx])));
            lines.Add(new PreviewLine(fqdn, "MX", PreviewLineKind.Add, [], [wantedMx]));
        }
        else
        {
            var hosts = mx.Values.Select(MxHost).ToList();
            var foreign = hosts.Where(h => !RequiredRecords.IsSesFeedbackHost(h)).ToList();
            if (foreign.Count > 0)
            {
                var refusal = $"{target.MailFromDomain} already receives mail (MX to {string.Join(", ", foreign)}). " +
                    "A MAIL FROM domain must not be used to receive email: pick another subdomain, such as bounce." +
                    string.Join('.', target.MailFromDomain.Split('.').Skip(1)) + ".";
                return new PublishPreview(target, zone, [], [], refusal, []);
            }
            if (mx.Values.Count == 1)
            {
                lines.Add(new PreviewLine(fqdn, "MX", PreviewLineKind.Unchanged, mx.Values, mx.Values));
                if (!string.Equals(hosts[0], RequiredRecords.FeedbackHost(target.Region), StringComparison.OrdinalIgnoreCase))
                    notes.Add($"The MX already points at SES in another region ({hosts[0]}); one MX serves every region that uses this MAIL FROM domain.");
            }
            else
            {
                // Several MX records make the SES setup fail: replace them with exactly one.
                changes.Add(new RecordSetChange(ChangeAction.Delete, mx));
                changes.Add(new RecordSetChange(ChangeAction.Create, new ResourceRecordSet(fqdn, "MX", mx.Ttl, [wantedMx])));
                lines.Add(new PreviewLine(fqdn, "MX", PreviewLineKind.Change, mx.Values, [wantedMx]));
                notes.Add("The name had several MX records; SES needs exactly one.");
            }
        }

        var txt = sets.FirstOrDefault(s => s.Type == "TXT");
        var merge = SpfMerge.Merge(txt?.Values ?? []);
        notes.AddRange(merge.Problems);
        if (!merge.CanPublish)
        {
            var refusal = "The SPF record at this name cannot be merged safely: " + string.Join(" ", merge.Problems);
            return new PublishPreview(target, zone, [], [], refusal, []);
        }
        AddTxtChange(fqdn, txt, merge.Changed ? merge.TxtValues : null, lines, changes);
        return new PublishPreview(target, zone, lines, changes, null, notes);
    }

    private static PublishPreview VerificationPreview(PublishTarget.Verification target, HostedZone zone, string fqdn, List<ResourceRecordSet> sets)
    {
        var lines = new List<PreviewLine>();
        var changes = new List<RecordSetChange>();
        var txt = sets.FirstOrDefault(s => s.Type == "TXT");
        var existing = txt?.Values ?? [];
        // Tokens of other regions stay: each region verifies with its own value in the same record set.
        var merged = existing.Contains(target.Token) ? null : existing.Append(target.Token).ToList();
        AddTxtChange(fqdn, txt, merged, lines, changes);
        var notes = existing.Count > 0 && merged is not null
            ? new[] { "The existing verification tokens (other regions) are kept." }
            : Array.Empty<string>();
        return new PublishPreview(target, zone, lines, changes, null, notes);
    }

    private static void AddTxtChange(string fqdn, ResourceRecordSet? existing, IReadOnlyList<string>? after, List<PreviewLine> lines, List<RecordSetChange> changes)
    {
        if (after is null)
        {
            if (existing is not null) lines.Add(new PreviewLine(fqdn, "TXT", PreviewLineKind.Unchanged, existing.Values, existing.Values));
            return;
        }
        if (existing is null)
        {
            changes.Add(new RecordSetChange(ChangeAction.Create, new ResourceRecordSet(fqdn, "TXT", DefaultTtl, after)));
            lines.Add(new PreviewLine(fqdn, "TXT", PreviewLineKind.Add, [], after));
            return;
        }
        changes.Add(new RecordSetChange(ChangeAction.Delete, existing));
        changes.Add(new RecordSetChange(ChangeAction.Create, existing with { Values = after }));
        lines.Add(new PreviewLine(fqdn, "TXT", PreviewLineKind.Change, existing.Values, after));
    }

    private static string MxHost(string value)
    {
        var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return (parts.Length > 1 ? parts[1] : parts[0]).TrimEnd('.').ToLowerInvariant();
    }
}
