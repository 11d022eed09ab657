using MailFromConsole.Core.Deliverability;
using MailFromConsole.Core.MailFrom;
using MailFromConsole.Core.Ses;
using MailFromConsole.Web.Features.Audit;
using MailFromConsole.Web.Features.Status;
using MailFromConsole.Web.Infrastructure.Auth;
using MailFromConsole.Web.Infrastructure.Changes;
using MailFromConsole.Web.Infrastructure.Errors;
using Microsoft.Extensions.Logging;

namespace MailFromConsole.Web.Features.Deliverability;

public sealed class DeliverabilityService(
    ISesClient ses,
    IMailFromStatusCache statusCache,
    IDeliverabilityDnsChecks dns,
    IChangeGate gate,
    ILogger<DeliverabilityService> logger) : IDeliverabilityService
{
    public Task<ServiceResult<DeliverabilityReport>> GetAsync(string region, string identity, CancellationToken cancellationToken = default)
    {
        if (!MailFromDomainRules.TryIdentityDomain(identity, out var domain, out var error))
            return Task.FromResult(ServiceResult<DeliverabilityReport>.Fail(error!, "InvalidIdentity"));

        return ServiceEdge.RunAsync(logger, "Check deliverability", async () =>
        {
            var mailFromTask = statusCache.GetAsync(region, [identity], cancellationToken);
            // An address (or subdomain) without DKIM of its own is signed with its domain's Easy DKIM, as SES does.
            var names = identity == domain ? new[] { identity } : [identity, domain];
            var dkimTask = ses.GetIdentityDkimAttributesAsync(region, names, cancellationToken);
            var dmarcTask = dns.LookUpDmarcAsync(domain, cancellationToken);
            var mailFrom = (await mailFromTask).GetValueOrDefault(identity);
            var dkimAll = await dkimTask;
            var (dkim, dkimDomain) = SigningDkim(identity, domain, dkimAll);

            var spfTask = SpfAsync(mailFrom?.MailFromDomain);
            var cnamesTask = dkim is { DkimTokens.Count: > 0 }
                ? dns.CheckDkimCnamesAsync(dkimDomain, dkim.DkimTokens, cancellationToken)
                : Task.FromResult<IReadOnlyList<DkimCnameCheck>>([]);
            var facts = new DeliverabilityFacts(identity, mailFrom, await spfTask, dkim, await cnamesTask, await dmarcTask) { DkimDomain = dkimDomain };
            return new DeliverabilityReport(facts, DeliverabilityRules.Decide(facts));
        });

        async Task<SpfCheck?> SpfAsync(string? mailFromDomain) =>
            mailFromDomain is null ? null : await dns.CheckSpfAsync(mailFromDomain, cancellationToken);
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

            var tokens = await ses.VerifyDomainDkimAsync(region, domain, cancellationToken);
            await ses.SetIdentityDkimEnabledAsync(region, domain, true, cancellationToken);
            change.Entry = attempt with { After = $"Easy DKIM enabled, tokens {string.Join(", ", tokens)}" };
            return ServiceResult<IReadOnlyList<string>>.Ok(tokens);
        });
    }

    private static (IdentityDkimAttributes? Dkim, string Domain) SigningDkim(string identity, string domain, IReadOnlyDictionary<string, IdentityDkimAttributes> all)
    {
        var own = all.GetValueOrDefault(identity);
        if (identity != domain && own is not { DkimTokens.Count: > 0 } && all.GetValueOrDefault(domain) is { } parent)
            return (own is null ? parent : parent with { DkimEnabled = own.DkimEnabled }, domain);
        return (own, domain);
    }
}
