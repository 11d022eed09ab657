using MailFromConsole.Core.Deliverability;
using MailFromConsole.Core.Diagnosis;
using MailFromConsole.Core.MailFrom;
using MailFromConsole.Core.Ses;
using MailFromConsole.Core.View;
using MailFromConsole.Web.Features.Audit;
using MailFromConsole.Web.Features.View;
using MailFromConsole.Web.Infrastructure.Auth;
using MailFromConsole.Web.Infrastructure.Changes;
using MailFromConsole.Web.Infrastructure.Errors;
using Microsoft.Extensions.Logging;

namespace MailFromConsole.Web.Features.Deliverability;

/// <summary>
/// MAIL FROM and DKIM as the account view holds them (SES is asked only for what the sweeper has not read yet), DMARC,
/// SPF and the DKIM CNAMEs as DNS shows them now. Each check also refreshes the identity's readiness in the view, so
/// the lists agree with the details pane.
/// </summary>
public sealed class DeliverabilityService(
    ISesClient ses,
    AccountView view,
    IDeliverabilityDnsChecks dns,
    IMailFromDnsDiagnostics mailFromDns,
    IChangeGate gate,
    TimeProvider time,
    ILogger<DeliverabilityService> logger) : IDeliverabilityService
{
    public Task<ServiceResult<DeliverabilityReport>> GetAsync(string region, string identity, CancellationToken cancellationToken = default)
    {
        if (!MailFromDomainRules.TryIdentityDomain(identity, out var domain, out var error))
            return Task.FromResult(ServiceResult<DeliverabilityReport>.Fail(error!, "InvalidIdentity"));

        return ServiceEdge.RunAsync(logger, "Check deliverability", async () =>
        {
            // An address without DKIM of its own is signed with its domain's Easy DKIM, as SES does.
            var names = identity == domain ? new[] { identity } : [identity, domain];
            await ReadUnreadAsync(region, names, cancellationToken);
            var state = view.Find(region, identity);
            var domainDkim = identity == domain ? null : view.Find(region, domain)?.Dkim;
            // The MX that SES needs at the MAIL FROM domain, asked beside the SPF, DKIM and DMARC records.
            var mx = state?.MailFrom?.MailFromDomain is { } mailFromDomain ? mailFromDns.DiagnoseAsync(mailFromDomain, region, cancellationToken) : null;
            var facts = await DeliverabilityFactsReader.ReadAsync(dns, identity, state?.MailFrom, state?.Dkim, domainDkim, cancellationToken);
            var verdict = DeliverabilityRules.Decide(facts);
            var checkedAt = time.GetUtcNow();
            await view.ReadAsync(region, ViewPart.Readiness, checkedAt, [identity],
                new Dictionary<string, DeliverabilityReadiness> { [identity] = DeliverabilityReadiness.From(facts, verdict) },
                (s, r, at) => s with { Readiness = r, ReadinessCheckedAt = at }, cancellationToken);
            return new DeliverabilityReport(facts, verdict, mx is null ? null : await mx);
        });
    }

    public Task<ServiceResult<IReadOnlyList<string>>> EnableEasyDkimAsync(string region, string identity, CancellationToken cancellationToken = default)
    {
        var attempt = new AuditChange(AuditActions.EnableEasyDkim, region, identity) { After = "Easy DKIM enabled" };
        return gate.ChangeAsync<IReadOnlyList<string>>(ConsoleRole.Operator, attempt, async change =>
        {
            var at = identity.LastIndexOf('@');
            string? invalid = null;
            var domain = "";
            if (at >= 0)
                invalid = $"Easy DKIM is set up for a domain, not an email address: enable it for {DnsNameRules.Display(identity[(at + 1)..])} and its addresses are signed too.";
            else if (!DnsNameRules.TryNormalize(identity, "The domain", out domain, out var errors))
                invalid = string.Join(" ", errors);
            if (invalid is not null) return ServiceResult<IReadOnlyList<string>>.Fail(invalid, "InvalidIdentity");

            IReadOnlyList<string> tokens;
            using (view.ConsoleChanging(region, identity))
            {
                tokens = await ses.VerifyDomainDkimAsync(region, domain, cancellationToken);
                await ses.SetIdentityDkimEnabledAsync(region, domain, true, cancellationToken);
                // Verified records stay verified (SES only starts checking again what is not Success).
                await view.ChangedByConsoleAsync(region, identity, s => s with
                {
                    Dkim = new IdentityDkimAttributes(true, s.Dkim?.DkimVerificationStatus == VerificationStatus.Success ? VerificationStatus.Success : VerificationStatus.Pending, tokens),
                }, cancellationToken);
            }
            change.Entry = attempt with { After = $"Easy DKIM enabled, tokens {string.Join(", ", tokens)}" };
            return ServiceResult<IReadOnlyList<string>>.Ok(tokens);
        });
    }

    /// <summary>What the sweeper has not read yet (a page opened right after start) is read from SES once, into the view.</summary>
    private async Task ReadUnreadAsync(string region, IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        var unread = names.Where(n => view.Find(region, n) is not { DkimReadAt: not null, MailFromReadAt: not null }).ToList();
        if (unread.Count == 0) return;
        var askedAt = time.GetUtcNow();
        var dkim = await ses.GetIdentityDkimAttributesAsync(region, unread, cancellationToken);
        await view.ReadAsync(region, ViewPart.Dkim, askedAt, unread, dkim, (s, d, at) => s with { Dkim = d, DkimReadAt = at }, cancellationToken);
        var mailFrom = await ses.GetIdentityMailFromDomainAttributesAsync(region, unread, cancellationToken);
        await view.ReadAsync(region, ViewPart.MailFrom, askedAt, unread, mailFrom, (s, m, at) => s with { MailFrom = m, MailFromReadAt = at }, cancellationToken);
    }
}
