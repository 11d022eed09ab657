using MailFromConsole.Core;
using MailFromConsole.Core.Deliverability;
using MailFromConsole.Core.MailFrom;
using MailFromConsole.Core.Records;
using MailFromConsole.Core.Route53;
using MailFromConsole.Web.Features.Audit;
using MailFromConsole.Web.Features.View;
using MailFromConsole.Web.Infrastructure.Auth;
using MailFromConsole.Web.Infrastructure.Changes;
using MailFromConsole.Web.Infrastructure.Errors;
using MailFromConsole.Web.Infrastructure.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MailFromConsole.Web.Features.Publish;

public sealed class PublishService(
    IRoute53Accounts route53Accounts,
    AccountView view,
    TimeProvider time,
    IOptions<ConsoleTimingOptions> timing,
    IChangeGate gate,
    IAuditTrail audit,
    ILogger<PublishService> logger) : IPublishService
{
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

        if (DeliverabilityRefusal(target) is { } refusal)
            return Task.FromResult(ServiceResult<PublishPreview>.Fail(refusal, "InvalidRecord"));

        return ServiceEdge.RunAsync(logger, "Preview Route 53 change", () => BuildPreviewAsync(target, cancellationToken));
    }

    public Task<ServiceResult<PublishOutcome>> ApplyAsync(PublishPreview preview, CancellationToken cancellationToken = default)
    {
        if (!preview.CanApply)
        {
            return Task.FromResult(preview is { Refusal: null, Confirmation: { } confirmation, Confirmed: false, Changes.Count: > 0 }
                ? ServiceResult<PublishOutcome>.Fail($"Confirm first: {confirmation}", "ConfirmationRequired")
                : ServiceResult<PublishOutcome>.Fail(preview.Refusal ?? "There is nothing to publish.", "NothingToPublish"));
        }
        var account = AccountOf(preview);
        var attempt = new AuditChange(AuditActions.PublishRecords, preview.Target.AuditRegion, preview.Target.AuditIdentity)
        {
            Before = AuditText.Records(preview.Lines, after: false),
            After = AuditText.Records(preview.Lines, after: true),
            Detail = $"Hosted zone {preview.Zone!.Id} in {account.Describe()}" + (preview.Confirmation is null ? "" : "; the user confirmed replacing the DMARC record shown in Before"),
        };
        return gate.ChangeAsync(ConsoleRole.Operator, attempt, async change =>
        {
            try
            {
                var comment = $"MailFromConsole: records for {preview.Target.Name}";
                var accepted = await account.Client.ChangeResourceRecordSetsAsync(preview.Zone.Id, preview.Changes, comment, cancellationToken);
                change.Entry = attempt with { ChangeId = accepted.Id };
                // The identity's SES status and DNS are read first now: its pages turn Success as soon as SES says so.
                if (preview.Target is { Identity: { } identity, ViewRegion: { } region })
                    await view.ChangedByConsoleAsync(region, identity, s => s, cancellationToken);
                return ServiceResult<PublishOutcome>.Ok(new PublishOutcome(accepted, null, $"Route 53 accepted change {accepted.Id} ({accepted.Status.Text()}).") { Account = account });
            }
            catch (AwsServiceException ex) when (ex.ErrorCode == "InvalidChangeBatch")
            {
                // Our DELETEs name the values we previewed: Route 53 refuses them when someone changed the records meanwhile.
                logger.LogInformation("Change for {Name} refused ({Message}); reloading the preview", preview.Target.Name, ex.AwsMessage);
                var reloaded = await BuildPreviewAsync(preview.Target, cancellationToken);
                var outcome = new PublishOutcome(null, reloaded,
                    $"The records at {preview.Target.Name} changed since the preview, so nothing was published. Review the new preview and publish again.")
                {
                    Details = $"Route 53: {AwsErrorText.Readable(ex.AwsMessage)}",
                };
                change.Entry = attempt with { Result = "InvalidChangeBatch", Detail = $"{outcome.Message} {outcome.Details}" };
                return ServiceResult<PublishOutcome>.Ok(outcome);
            }
        });
    }

    public Task<ServiceResult<ChangeInfo>> WaitForInSyncAsync(PublishOutcome outcome, Action<ChangeInfo>? onStatus = null, CancellationToken cancellationToken = default) =>
        ServiceEdge.RunAsync(logger, "Follow Route 53 change", async () =>
        {
            var changeId = outcome.Change?.Id ?? throw new ArgumentException("The publish made no change to follow.", nameof(outcome));
            // A change id is only known to the account whose zone was changed.
            var route53 = (outcome.Account ?? route53Accounts.All[0]).Client;
            var deadline = time.GetUtcNow() + timing.Value.ChangeWaitLimit;
            while (true)
            {
                var change = await route53.GetChangeAsync(changeId, cancellationToken);
                onStatus?.Invoke(change);
                if (change.Status == ChangeStatus.InSync || time.GetUtcNow() >= deadline) return change;
                await Task.Delay(timing.Value.ChangePollInterval, time, cancellationToken);
            }
        });

    private async Task<PublishPreview> BuildPreviewAsync(PublishTarget target, CancellationToken cancellationToken)
    {
        var name = target.Name.TrimEnd('.').ToLowerInvariant();
        var account = route53Accounts.For(name);
        HostedZone? zone;
        try
        {
            zone = await account.Client.FindPublicHostedZoneAsync(name, cancellationToken);
        }
        catch (AssumeRoleException refused)
        {
            // Nothing was changed, but the configured way to publish failed: the operators see it in the audit log.
            await audit.RecordAsync(new AuditChange(AuditActions.PublishRecords, target.AuditRegion, target.AuditIdentity)
            {
                Result = refused.ErrorCode,
                Detail = $"Route 53 in {account.Describe()} could not be reached: {AwsErrorText.Readable(refused.AwsMessage)}",
            }, CancellationToken.None);
            throw;
        }
        if (zone is null) return new PublishPreview(target, null, [], [], null, []) { Account = account };
        var route53 = account.Client;

        var setsByName = new Dictionary<string, IReadOnlyList<ResourceRecordSet>>(StringComparer.Ordinal);
        foreach (var recordName in target.RecordNames.Select(n => n.TrimEnd('.').ToLowerInvariant()))
        {
            var fqdn = recordName + ".";
            setsByName[recordName] = (await route53.ListResourceRecordSetsAsync(zone.Id, fqdn, null, cancellationToken))
                .Where(s => string.Equals(s.Name, fqdn, StringComparison.OrdinalIgnoreCase))
                .ToList();
        }
        var sets = setsByName[name];
        var plan = target switch
        {
            PublishTarget.MailFrom mailFrom => RecordSetPlanner.MailFrom(mailFrom.MailFromDomain, mailFrom.Region, sets),
            PublishTarget.Verification verification => RecordSetPlanner.Verification(verification.Name, verification.Token, sets),
            PublishTarget.Dkim dkim => RecordSetPlanner.Dkim(dkim.Domain, dkim.Tokens, setsByName),
            PublishTarget.Dmarc dmarc => RecordSetPlanner.Dmarc(dmarc.Domain, dmarc.Record, sets),
            _ => throw new ArgumentOutOfRangeException(nameof(target)),
        };
        // Another account's zone is named, so nobody publishes to a zone they did not expect.
        IReadOnlyList<string> notes = account.ThroughRole ? [$"Hosted zone {zone.Name.TrimEnd('.')} found in {account.Describe()}.", .. plan.Notes] : plan.Notes;
        return new PublishPreview(target, zone, plan.Lines, plan.Changes, plan.Refusal, notes) { Account = account, Confirmation = plan.Confirmation };
    }

    /// <summary>Why a DKIM or DMARC target cannot be published as given (a domain that is not a DNS name, tokens SES would not give, a value that is not one DMARC record).</summary>
    private static string? DeliverabilityRefusal(PublishTarget target)
    {
        var (domain, what) = target switch
        {
            PublishTarget.Dkim dkim => (dkim.Domain, "The DKIM domain"),
            PublishTarget.Dmarc dmarc => (dmarc.Domain, "The DMARC domain"),
            _ => (null, ""),
        };
        if (domain is null) return null;
        if (!DnsNameRules.TryNormalize(domain, what, out _, out var errors)) return string.Join(" ", errors);
        if (target is PublishTarget.Dkim { Tokens: var tokens })
        {
            // A token becomes part of a record name: only the characters of a host name, nothing that could end up elsewhere.
            if (tokens.Count == 0) return "Easy DKIM has no tokens for this domain yet: enable Easy DKIM first.";
            return tokens.All(t => t.Length is > 0 and <= 63 && t.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.')) ? null : "The DKIM tokens are not Easy DKIM tokens.";
        }
        var parsed = DmarcRecord.Parse(((PublishTarget.Dmarc)target).Record);
        return parsed.Record is null ? $"The DMARC record is not valid: {parsed.Error}" : null;
    }

    private Route53Account AccountOf(PublishPreview preview) => preview.Account ?? route53Accounts.For(preview.Target.Name);
}
