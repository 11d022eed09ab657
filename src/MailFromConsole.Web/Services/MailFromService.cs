using MailFromConsole.Core;
using MailFromConsole.Core.Diagnosis;
using MailFromConsole.Core.MailFrom;
using MailFromConsole.Core.Records;
using MailFromConsole.Core.Ses;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MailFromConsole.Web.Services;

public sealed class MailFromService(
    ISesClient ses,
    IMailFromStatusCache statusCache,
    IMailFromDnsDiagnostics diagnostics,
    IOptions<ConsoleTimingOptions> timing,
    ILogger<MailFromService> logger) : IMailFromService
{
    private static readonly IdentityMailFromDomainAttributes NotSet = new(null, null, BehaviorOnMxFailure.UseDefaultValue);

    public MailFromCheck Validate(string identity, string? proposedMailFromDomain) =>
        new(MailFromDomainRules.Validate(identity, proposedMailFromDomain), []);

    public Task<ServiceResult<IReadOnlyList<string>>> WarningsAsync(string region, string identity, string mailFromDomain, CancellationToken cancellationToken = default) =>
        ServiceEdge.RunAsync<IReadOnlyList<string>>(logger, "Check MAIL FROM warnings", async () =>
        {
            var warnings = new List<string>();
            var notifications = await ses.GetIdentityNotificationAttributesAsync(region, [identity], cancellationToken);
            notifications.TryGetValue(identity, out var attributes);
            if (MailFromWarnings.FeedbackForwarding(mailFromDomain, attributes) is { } forwarding) warnings.Add(forwarding);
            var dns = await diagnostics.DiagnoseAsync(mailFromDomain, region, cancellationToken);
            if (MailFromWarnings.ReceivesMail(mailFromDomain, dns.MxHosts) is { } receives) warnings.Add(receives);
            return warnings;
        });

    public Task<ServiceResult<MailFromDetails>> GetAsync(string region, string identity, CancellationToken cancellationToken = default) =>
        ServiceEdge.RunAsync(logger, "Read MAIL FROM domain", async () =>
        {
            var attributes = await statusCache.GetAsync(region, [identity], cancellationToken);
            return Details(region, identity, attributes.TryGetValue(identity, out var a) ? a : NotSet);
        });

    public async Task<ServiceResult<MailFromDetails>> SetAsync(string region, string identity, string proposedMailFromDomain, BehaviorOnMxFailure behavior, CancellationToken cancellationToken = default)
    {
        var validation = MailFromDomainRules.Validate(identity, proposedMailFromDomain);
        if (!validation.IsValid) return ServiceResult<MailFromDetails>.Fail(string.Join(" ", validation.Errors), "InvalidMailFromDomain");
        return await ServiceEdge.RunAsync(logger, "Set MAIL FROM domain", async () =>
        {
            await ses.SetIdentityMailFromDomainAsync(region, identity, validation.NormalizedDomain, behavior, cancellationToken);
            return await ReadBackAsync(region, identity, cancellationToken);
        });
    }

    public async Task<ServiceResult<MailFromDetails>> RestartAsync(string region, string identity, CancellationToken cancellationToken = default)
    {
        var current = await GetAsync(region, identity, cancellationToken);
        if (!current.Succeeded) return current;
        if (current.Value!.Attributes.MailFromDomain is not { } domain)
            return ServiceResult<MailFromDetails>.Fail("There is no MAIL FROM domain to restart. Set one first.", "NotSet");
        return await SetAsync(region, identity, domain, current.Value.Attributes.BehaviorOnMxFailure, cancellationToken);
    }

    public Task<ServiceResult<MailFromDetails>> DisableAsync(string region, string identity, CancellationToken cancellationToken = default) =>
        ServiceEdge.RunAsync(logger, "Disable MAIL FROM domain", async () =>
        {
            await ses.SetIdentityMailFromDomainAsync(region, identity, null, null, cancellationToken);
            return await ReadBackAsync(region, identity, cancellationToken);
        });

    public async Task<ServiceResult<TestEmailOutcome>> SendTestEmailAsync(string region, string identity, string? recipient, CancellationToken cancellationToken = default)
    {
        var to = string.IsNullOrWhiteSpace(recipient) ? timing.Value.TestRecipient : recipient.Trim();
        var source = identity.Contains('@') ? identity : $"mail-from-test@{identity}";
        return await ServiceEdge.RunAsync(logger, "Send test email", async () =>
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
