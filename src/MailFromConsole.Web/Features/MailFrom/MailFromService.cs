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
    IRoleGuard guard,
    IAuditTrail audit,
    PendingSince pendingSince,
    ILogger<MailFromService> logger) : IMailFromService
{
    private readonly ChangeGate gate = new(guard, audit, logger);

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

    public async Task<ServiceResult<MailFromDetails>> SetAsync(string region, string identity, string proposedMailFromDomain, BehaviorOnMxFailure behavior, CancellationToken cancellationToken = default)
    {
        var attempt = new AuditChange(AuditActions.SetMailFromDomain, region, identity) { After = AuditText.MailFrom(proposedMailFromDomain?.Trim(), behavior) };
        if (await gate.RefuseAsync(ConsoleRole.Operator, attempt) is { } refusal) return ServiceResult<MailFromDetails>.Fail(refusal, ChangeGate.NotAuthorizedCode);
        return await SetCheckedAsync(attempt, region, identity, proposedMailFromDomain, behavior, cancellationToken);
    }

    public async Task<ServiceResult<MailFromDetails>> RestartAsync(string region, string identity, CancellationToken cancellationToken = default)
    {
        var attempt = new AuditChange(AuditActions.SetMailFromDomain, region, identity) { Detail = "Restart setup" };
        if (await gate.RefuseAsync(ConsoleRole.Operator, attempt) is { } refusal) return ServiceResult<MailFromDetails>.Fail(refusal, ChangeGate.NotAuthorizedCode);
        var current = await GetAsync(region, identity, cancellationToken);
        if (!current.Succeeded) return current;
        if (current.Value!.Attributes.MailFromDomain is not { } domain)
            return ServiceResult<MailFromDetails>.Fail("There is no MAIL FROM domain to restart. Set one first.", "NotSet");
        var behavior = current.Value.Attributes.BehaviorOnMxFailure;
        return await SetCheckedAsync(attempt with { After = AuditText.MailFrom(domain, behavior) }, region, identity, domain, behavior, cancellationToken);
    }

    public async Task<ServiceResult<MailFromDetails>> DisableAsync(string region, string identity, CancellationToken cancellationToken = default)
    {
        var attempt = new AuditChange(AuditActions.DisableMailFromDomain, region, identity) { After = AuditText.NotSet };
        if (await gate.RefuseAsync(ConsoleRole.Operator, attempt) is { } refusal) return ServiceResult<MailFromDetails>.Fail(refusal, ChangeGate.NotAuthorizedCode);
        return await ChangeAsync(attempt, "Disable MAIL FROM domain", region, identity, NotSet,
            () => ses.SetIdentityMailFromDomainAsync(region, identity, null, null, cancellationToken), cancellationToken);
    }

    public async Task<ServiceResult<TestEmailOutcome>> SendTestEmailAsync(string region, string identity, string? recipient, CancellationToken cancellationToken = default)
    {
        var to = string.IsNullOrWhiteSpace(recipient) ? timing.Value.TestRecipient : recipient.Trim(' ');
        // A typed recipient is checked like an identity's address before SES is asked; nothing is attempted otherwise.
        if (!to.Contains('@') || !MailFromDomainRules.TryIdentityDomain(to, out _, out _))
            return ServiceResult<TestEmailOutcome>.Fail($"{AwsErrorText.Readable(to)} is not an email address. Enter one such as someone@example.net.", "InvalidInput");
        var source = identity.Contains('@') ? identity : $"mail-from-test@{identity}";
        var attempt = new AuditChange(AuditActions.SendTestEmail, region, identity) { After = $"from {source} to {to}" };
        if (await gate.RefuseAsync(ConsoleRole.Operator, attempt) is { } refusal) return ServiceResult<TestEmailOutcome>.Fail(refusal, ChangeGate.NotAuthorizedCode);
        var result = await ServiceEdge.RunAsync(logger, "Send test email", async () =>
        {
            var details = await ReadBackAsync(region, identity, cancellationToken);
            try
            {
                var request = new SendEmailRequest(source, [to], "MAIL FROM test", $"Test message sent by MailFromConsole from {source} in {region}.");
                var messageId = await ses.SendEmailAsync(region, request, cancellationToken);
                var used = details.Effective.MailFromDomain is { } d ? $"MAIL FROM used: {d}." : "";
                return new TestEmailOutcome(true, messageId, source, $"Sent to {to}. {used} {details.Effective.Explanation}".Trim());
            }
            catch (AwsServiceException ex) when (ex.ErrorCode is "MailFromDomainNotVerified" or "MailFromDomainNotVerifiedException")
            {
                // The expected answer for "Reject message" before Success: show it as the outcome, not as a failure.
                return new TestEmailOutcome(false, null, source, $"SES rejected the message with MailFromDomainNotVerified: {ex.AwsMessage}");
            }
        });
        await gate.RecordAsync(result.Value is { Sent: false } rejected
            ? attempt with { Result = "MailFromDomainNotVerified", Detail = rejected.Explanation }
            : attempt with { Detail = result.Value is { } sent ? $"Message id {sent.MessageId}" : null }, result);
        return result;
    }

    private async Task<ServiceResult<MailFromDetails>> SetCheckedAsync(AuditChange attempt, string region, string identity, string? proposedMailFromDomain, BehaviorOnMxFailure behavior, CancellationToken cancellationToken)
    {
        // Invalid input is refused before AWS is asked: nothing was attempted, so nothing is recorded.
        var validation = MailFromDomainRules.Validate(identity, proposedMailFromDomain);
        if (!validation.IsValid) return ServiceResult<MailFromDetails>.Fail(string.Join(" ", validation.Errors), "InvalidMailFromDomain");
        var result = await ChangeAsync(attempt with { After = AuditText.MailFrom(validation.NormalizedDomain, behavior) }, "Set MAIL FROM domain", region, identity,
            new IdentityMailFromDomainAttributes(validation.NormalizedDomain, CustomMailFromStatus.Pending, behavior),
            () => ses.SetIdentityMailFromDomainAsync(region, identity, validation.NormalizedDomain, behavior, cancellationToken), cancellationToken);
        // Setting (or setting again) starts SES's detection window: "pending since" starts here, whichever page asked.
        if (result.Succeeded) await pendingSince.StartedAsync(region, identity, validation.NormalizedDomain!, CancellationToken.None);
        return result;
    }

    /// <summary>
    /// Makes one SES change and records it: the setting as the console knew it before, and as SES reports it after.
    /// The account view shows <paramref name="expected"/> at once (every open page), then SES's answer confirms it.
    /// </summary>
    private async Task<ServiceResult<MailFromDetails>> ChangeAsync(AuditChange attempt, string what, string region, string identity,
        IdentityMailFromDomainAttributes expected, Func<Task> change, CancellationToken cancellationToken)
    {
        string? before = null;
        var result = await ServiceEdge.RunAsync(logger, what, async () =>
        {
            var known = await statusCache.GetAsync(region, [identity], cancellationToken);
            before = AuditText.MailFrom(known.GetValueOrDefault(identity));
            using (view.ConsoleChanging(region, identity))
            {
                await change();
                await view.ChangedByConsoleAsync(region, identity, s => s with { MailFrom = expected }, cancellationToken);
            }
            return await ReadBackAsync(region, identity, cancellationToken);
        });
        var after = result.Value is { } details ? AuditText.MailFrom(details.Attributes) : attempt.After;
        await gate.RecordAsync(attempt with { Before = before, After = after }, result);
        return result;
    }

    private async Task<MailFromDetails> ReadBackAsync(string region, string identity, CancellationToken cancellationToken)
    {
        var attributes = await statusCache.RefreshAsync(region, identity, cancellationToken);
        return Details(region, identity, attributes ?? NotSet);
    }

    private static MailFromDetails Details(string region, string identity, IdentityMailFromDomainAttributes attributes) =>
        new(region, identity, attributes, RequiredRecords.Effective(region, attributes),
            attributes.MailFromDomain is { } domain ? RequiredRecords.For(domain, region) : []);
}
