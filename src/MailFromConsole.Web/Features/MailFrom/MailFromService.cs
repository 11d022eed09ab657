using MailFromConsole.Core;
using MailFromConsole.Core.Diagnosis;
using MailFromConsole.Core.MailFrom;
using MailFromConsole.Core.Records;
using MailFromConsole.Core.Ses;
using MailFromConsole.Web.Features.Audit;
using MailFromConsole.Web.Features.Status;
using MailFromConsole.Web.Features.View;
using MailFromConsole.Web.Infrastructure.Auth;
using MailFromConsole.Web.Infrastructure.Changes;
using MailFromConsole.Web.Infrastructure.Errors;
using MailFromConsole.Web.Infrastructure.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MailFromConsole.Web.Features.MailFrom;

public sealed class MailFromService(
    ISesClient ses,
    IMailFromStatusCache statusCache,
    AccountView view,
    IMailFromDnsDiagnostics diagnostics,
    IOptions<ConsoleTimingOptions> timing,
    IChangeGate gate,
    IChangeLocks locks,
    IPendingSince pendingSince,
    ILogger<MailFromService> logger) : IMailFromService
{
    /// <summary>The setting changed in SES between opening the dialog and saving it: nothing was written.</summary>
    public const string ChangedMeanwhileCode = "ChangedMeanwhile";

    /// <summary>Another change of the identity (on any instance) held it too long: nothing was written.</summary>
    public const string ChangeInProgressCode = "ChangeInProgress";

    private static readonly IdentityMailFromDomainAttributes NotSet = new(null, null, BehaviorOnMxFailure.UseDefaultValue);

    public MailFromCheck Validate(string identity, string? proposedMailFromDomain) =>
        new(MailFromDomainRules.Validate(identity, proposedMailFromDomain), []);

    public Task<ServiceResult<IReadOnlyList<string>>> WarningsAsync(string region, string identity, string mailFromDomain, CancellationToken cancellationToken = default) =>
        ServiceEdge.RunAsync<IReadOnlyList<string>>(logger, "Check MAIL FROM warnings", async () =>
        {
            var warnings = new List<string>();
            if (await FeedbackForwardingAsync(region, identity, mailFromDomain, cancellationToken) is { } forwarding) warnings.Add(forwarding);
            var dns = await diagnostics.DiagnoseAsync(mailFromDomain, region, cancellationToken);
            if (MailFromWarnings.ReceivesMail(mailFromDomain, dns.MxHosts) is { } receives) warnings.Add(receives);
            return warnings;
        });

    public Task<ServiceResult<string?>> FeedbackForwardingWarningAsync(string region, string identity, string mailFromDomain, CancellationToken cancellationToken = default) =>
        ServiceEdge.RunAsync(logger, "Check feedback forwarding", () => FeedbackForwardingAsync(region, identity, mailFromDomain, cancellationToken));

    private async Task<string?> FeedbackForwardingAsync(string region, string identity, string mailFromDomain, CancellationToken cancellationToken)
    {
        var notifications = await ses.GetIdentityNotificationAttributesAsync(region, [identity], cancellationToken);
        notifications.TryGetValue(identity, out var attributes);
        return MailFromWarnings.FeedbackForwarding(mailFromDomain, attributes);
    }

    public Task<ServiceResult<MailFromDetails>> GetAsync(string region, string identity, CancellationToken cancellationToken = default) =>
        ServiceEdge.RunAsync(logger, "Read MAIL FROM domain", async () =>
        {
            var attributes = await statusCache.GetAsync(region, [identity], cancellationToken);
            return Details(region, identity, attributes.TryGetValue(identity, out var a) ? a : NotSet);
        });

    public Task<ServiceResult<MailFromDetails>> SetAsync(string region, string identity, string proposedMailFromDomain, BehaviorOnMxFailure behavior,
        IdentityMailFromDomainAttributes? seen = null, CancellationToken cancellationToken = default)
    {
        // Invalid input is refused before AWS is asked: nothing was attempted, so nothing is recorded.
        var validation = MailFromDomainRules.Validate(identity, proposedMailFromDomain);
        if (!validation.IsValid) return Task.FromResult(ServiceResult<MailFromDetails>.Fail(string.Join(" ", validation.Errors), "InvalidMailFromDomain"));
        var attempt = new AuditChange(AuditActions.SetMailFromDomain, region, identity) { After = AuditText.MailFrom(validation.NormalizedDomain, behavior) };
        var wanted = new IdentityMailFromDomainAttributes(validation.NormalizedDomain, CustomMailFromStatus.Pending, behavior);
        return ChangeAsync(attempt, region, identity, seen, _ => ServiceResult<IdentityMailFromDomainAttributes>.Ok(wanted), cancellationToken);
    }

    public Task<ServiceResult<MailFromDetails>> RestartAsync(string region, string identity, CancellationToken cancellationToken = default) =>
        ChangeAsync(new AuditChange(AuditActions.SetMailFromDomain, region, identity) { Detail = "Restart setup" }, region, identity, seen: null,
            current => current.MailFromDomain is { } domain
                ? ServiceResult<IdentityMailFromDomainAttributes>.Ok(new IdentityMailFromDomainAttributes(domain, CustomMailFromStatus.Pending, current.BehaviorOnMxFailure))
                : ServiceResult<IdentityMailFromDomainAttributes>.Fail("There is no MAIL FROM domain to restart. Set one first.", "NotSet"),
            cancellationToken);

    public Task<ServiceResult<MailFromDetails>> DisableAsync(string region, string identity, IdentityMailFromDomainAttributes? seen = null, CancellationToken cancellationToken = default) =>
        ChangeAsync(new AuditChange(AuditActions.DisableMailFromDomain, region, identity) { After = AuditText.NotSet }, region, identity, seen,
            _ => ServiceResult<IdentityMailFromDomainAttributes>.Ok(NotSet), cancellationToken);

    public Task<ServiceResult<TestEmailOutcome>> SendTestEmailAsync(string region, string identity, string? recipient, CancellationToken cancellationToken = default)
    {
        var to = string.IsNullOrWhiteSpace(recipient) ? timing.Value.TestRecipient : recipient.Trim(' ');
        // A typed recipient is checked like an identity's address before SES is asked; nothing is attempted otherwise.
        if (!to.Contains('@') || !MailFromDomainRules.TryIdentityDomain(to, out _, out _))
            return Task.FromResult(ServiceResult<TestEmailOutcome>.Fail($"{AwsErrorText.Readable(to)} is not an email address. Enter one such as someone@example.net.", "InvalidInput"));
        var source = identity.Contains('@') ? identity : $"mail-from-test@{identity}";
        var attempt = new AuditChange(AuditActions.SendTestEmail, region, identity) { After = $"from {source} to {to}" };
        return gate.ChangeAsync(ConsoleRole.Operator, attempt, async change =>
        {
            var details = await ReadBackAsync(region, identity, cancellationToken);
            try
            {
                var request = new SendEmailRequest(source, [to], "MAIL FROM test", $"Test message sent by MailFromConsole from {source} in {region}.");
                var messageId = await ses.SendEmailAsync(region, request, cancellationToken);
                var used = details.Effective.MailFromDomain is { } d ? $"MAIL FROM used: {d}." : "";
                change.Entry = attempt with { Detail = $"Message id {messageId}" };
                return ServiceResult<TestEmailOutcome>.Ok(new TestEmailOutcome(true, messageId, source, $"Sent to {to}. {used} {details.Effective.Explanation}".Trim()));
            }
            catch (AwsServiceException ex) when (ex.ErrorCode is "MailFromDomainNotVerified" or "MailFromDomainNotVerifiedException")
            {
                // The expected answer for "Reject message" before Success: show it as the outcome, not as a failure.
                var rejected = new TestEmailOutcome(false, null, source, $"SES rejected the message with MailFromDomainNotVerified: {ex.AwsMessage}");
                change.Entry = attempt with { Result = "MailFromDomainNotVerified", Detail = rejected.Explanation };
                return ServiceResult<TestEmailOutcome>.Ok(rejected);
            }
        });
    }

    /// <summary>
    /// Makes one MAIL FROM change through the gate. SES's setting is read right before writing (one change per identity
    /// at a time here): it is the audit's "before", and when it is no longer what the user <paramref name="seen"/>,
    /// nothing is written. The account view shows the expected setting at once (every open page), then the sweeper's read of SES confirms it.
    /// </summary>
    private Task<ServiceResult<MailFromDetails>> ChangeAsync(AuditChange attempt, string region, string identity, IdentityMailFromDomainAttributes? seen,
        Func<IdentityMailFromDomainAttributes, ServiceResult<IdentityMailFromDomainAttributes>> target, CancellationToken cancellationToken) =>
        gate.ChangeAsync(ConsoleRole.Operator, attempt, async change =>
        {
            // Keyed as the account view is (one account per console database): region and identity.
            await using var oneAtATime = await locks.LockAsync($"mail-from|{region}|{identity}", cancellationToken);
            if (oneAtATime is null)
                return ServiceResult<MailFromDetails>.Fail(
                    $"Another change of the MAIL FROM domain of {AwsErrorText.Readable(identity)} is still running. Nothing was changed; try again in a moment.",
                    ChangeInProgressCode);
            var current = await statusCache.RefreshAsync(region, identity, cancellationToken) ?? NotSet;
            change.Entry = change.Entry with { Before = AuditText.MailFrom(current) };
            if (seen is not null && !SameSetting(seen, current))
                return ServiceResult<MailFromDetails>.Fail(
                    $"The MAIL FROM domain of {AwsErrorText.Readable(identity)} was changed by someone else since you opened it: now {AwsErrorText.Readable(AuditText.MailFrom(current))}. Nothing was changed; look again and retry.",
                    ChangedMeanwhileCode);
            var wanted = target(current);
            if (!wanted.Succeeded) return ServiceResult<MailFromDetails>.Fail(wanted.Error!, wanted.ErrorCode);
            var expected = wanted.Value!;
            change.Entry = change.Entry with { After = AuditText.MailFrom(expected.MailFromDomain, expected.BehaviorOnMxFailure) };
            using (view.ConsoleChanging(region, identity))
            {
                await ses.SetIdentityMailFromDomainAsync(region, identity, expected.MailFromDomain, expected.MailFromDomain is null ? null : expected.BehaviorOnMxFailure, cancellationToken);
                // Setting (or setting again) starts SES's detection window: "pending since" starts here, whichever page asked.
                if (expected.MailFromDomain is { } domain) await pendingSince.StartedAsync(region, identity, domain, CancellationToken.None);
                await view.ChangedByConsoleAsync(region, identity, s => s with { MailFrom = expected }, cancellationToken);
            }
            // SES accepted it; the sweeper reads a just-changed identity first, so its answer follows within a second or two
            // on every open page, without holding this user's dialog for another paced read.
            return ServiceResult<MailFromDetails>.Ok(Details(region, identity, expected));
        });

    /// <summary>What a user sees of the setting: the domain and the behaviour (the status moves on by itself).</summary>
    private static bool SameSetting(IdentityMailFromDomainAttributes seen, IdentityMailFromDomainAttributes current) =>
        string.Equals(seen.MailFromDomain, current.MailFromDomain, StringComparison.OrdinalIgnoreCase)
        && (current.MailFromDomain is null || seen.BehaviorOnMxFailure == current.BehaviorOnMxFailure);

    private async Task<MailFromDetails> ReadBackAsync(string region, string identity, CancellationToken cancellationToken)
    {
        var attributes = await statusCache.RefreshAsync(region, identity, cancellationToken);
        return Details(region, identity, attributes ?? NotSet);
    }

    private static MailFromDetails Details(string region, string identity, IdentityMailFromDomainAttributes attributes) =>
        new(region, identity, attributes, RequiredRecords.Effective(region, attributes),
            attributes.MailFromDomain is { } domain ? RequiredRecords.For(domain, region) : []);
}
