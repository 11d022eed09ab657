using MailFromConsole.Core;
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

        return ServiceEdge.RunAsync(logger, "Preview Route 53 change", () => BuildPreviewAsync(target, cancellationToken));
    }

    public Task<ServiceResult<PublishOutcome>> ApplyAsync(PublishPreview preview, CancellationToken cancellationToken = default)
    {
        if (!preview.CanApply)
            return Task.FromResult(ServiceResult<PublishOutcome>.Fail(preview.Refusal ?? "There is nothing to publish.", "NothingToPublish"));
        var account = AccountOf(preview);
        var attempt = new AuditChange(AuditActions.PublishRecords, preview.Target.AuditRegion, preview.Target.AuditIdentity)
        {
            Before = AuditText.Records(preview.Lines, after: false),
            After = AuditText.Records(preview.Lines, after: true),
            Detail = $"Hosted zone {preview.Zone!.Id} in {account.Describe()}",
        };
        return gate.ChangeAsync(ConsoleRole.Operator, attempt, async change =>
        {
            try
            {
                var comment = $"MailFromConsole: records for {preview.Target.Name}";
                var accepted = await account.Client.ChangeResourceRecordSetsAsync(preview.Zone.Id, preview.Changes, comment, cancellationToken);
                change.Entry = attempt with { ChangeId = accepted.Id };
                // The identity's SES status and DNS are read first now: its pages turn Success as soon as SES says so.
                if (preview.Target is PublishTarget.MailFrom { Identity: { } identity, Region: var region })
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

        var fqdn = name + ".";
        var sets = (await route53.ListResourceRecordSetsAsync(zone.Id, fqdn, null, cancellationToken))
            .Where(s => string.Equals(s.Name, fqdn, StringComparison.OrdinalIgnoreCase))
            .ToList();
        var plan = target switch
        {
            PublishTarget.MailFrom mailFrom => RecordSetPlanner.MailFrom(mailFrom.MailFromDomain, mailFrom.Region, sets),
            PublishTarget.Verification verification => RecordSetPlanner.Verification(verification.Name, verification.Token, sets),
            _ => throw new ArgumentOutOfRangeException(nameof(target)),
        };
        // Another account's zone is named, so nobody publishes to a zone they did not expect.
        IReadOnlyList<string> notes = account.ThroughRole ? [$"Hosted zone {zone.Name.TrimEnd('.')} found in {account.Describe()}.", .. plan.Notes] : plan.Notes;
        return new PublishPreview(target, zone, plan.Lines, plan.Changes, plan.Refusal, notes) { Account = account };
    }

    private Route53Account AccountOf(PublishPreview preview) => preview.Account ?? route53Accounts.For(preview.Target.Name);
}
