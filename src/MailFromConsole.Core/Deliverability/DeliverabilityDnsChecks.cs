using DnsClient;
using DnsClient.Protocol;
using MailFromConsole.Core.Diagnosis;

namespace MailFromConsole.Core.Deliverability;

/// <summary>Asks DNS (DnsClient, the same resolver settings as the MAIL FROM diagnosis) what receivers will see.</summary>
public sealed class DeliverabilityDnsChecks : IDeliverabilityDnsChecks
{
    private readonly LookupClient _client;

    public DeliverabilityDnsChecks(DnsResolverOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _client = new LookupClient(DnsResolverEndpoint.ToLookupOptions(options));
    }

    public async Task<DmarcLookup> LookUpDmarcAsync(string domain, CancellationToken cancellationToken = default)
    {
        var name = Normal(domain);
        var organizational = OrganizationalDomain.Of(name);
        var own = await DmarcAtAsync(name, name, cancellationToken).ConfigureAwait(false);
        if (own.Status != DmarcLookupStatus.None || organizational == name)
        {
            return own;
        }

        return await DmarcAtAsync(name, organizational, cancellationToken).ConfigureAwait(false);
    }

    public Task<SpfCheck> CheckSpfAsync(string mailFromDomain, CancellationToken cancellationToken = default) =>
        SpfLookupTree.CheckAsync(_client, Normal(mailFromDomain), cancellationToken);

    public async Task<IReadOnlyList<DkimCnameCheck>> CheckDkimCnamesAsync(string domain, IReadOnlyList<string> tokens, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var checks = tokens.Select(token => CheckCnameAsync(DkimRecords.Name(Normal(domain), token), DkimRecords.Target(token), cancellationToken)).ToList();
        return await Task.WhenAll(checks).ConfigureAwait(false);
    }

    private async Task<DkimCnameCheck> CheckCnameAsync(string name, string expected, CancellationToken cancellationToken)
    {
        var answer = await DnsAnswer.AskAsync(_client, name, QueryType.CNAME, cancellationToken).ConfigureAwait(false);
        if (answer.Response is null)
        {
            return new DkimCnameCheck(name, expected, DkimCnameState.DnsFailed, null, answer.TimedOut ? "no answer in time" : answer.Error);
        }

        var found = answer.Response.Answers.CnameRecords().Select(r => Normal(r.CanonicalName.Value)).FirstOrDefault();
        var state = found is null ? DkimCnameState.Missing : found == expected ? DkimCnameState.Published : DkimCnameState.WrongTarget;
        return new DkimCnameCheck(name, expected, state, found);
    }

    private async Task<DmarcLookup> DmarcAtAsync(string domain, string policyDomain, CancellationToken cancellationToken)
    {
        var recordName = "_dmarc." + policyDomain;
        var answer = await DnsAnswer.AskAsync(_client, recordName, QueryType.TXT, cancellationToken).ConfigureAwait(false);
        if (answer.Response is null)
        {
            return new DmarcLookup(domain, DmarcLookupStatus.DnsFailed, policyDomain, null, [],
                $"DNS could not be asked for the DMARC record at {recordName} ({(answer.TimedOut ? "no answer in time" : answer.Error)}). Check again later.");
        }

        var records = answer.Response.Answers.TxtRecords().Select(r => string.Concat(r.Text)).Where(DmarcRecord.IsDmarc).ToList();
        if (records.Count == 0)
        {
            var where = policyDomain == domain ? recordName : $"_dmarc.{domain} nor at {recordName} (its organisational domain)";
            return new DmarcLookup(domain, DmarcLookupStatus.None, policyDomain, null, [],
                $"There is no DMARC record at {where}, so receivers apply no DMARC policy to mail from {domain}.");
        }

        if (records.Count > 1)
        {
            return new DmarcLookup(domain, DmarcLookupStatus.Several, policyDomain, null, records,
                $"{recordName} has {records.Count} DMARC records; receivers then apply no DMARC policy at all (RFC 7489 section 6.6.3). Keep one and delete the others.");
        }

        var parsed = DmarcRecord.Parse(records[0]);
        if (parsed.Record is null)
        {
            return new DmarcLookup(domain, DmarcLookupStatus.Invalid, policyDomain, null, records, $"{parsed.Error} ({recordName})");
        }

        var policy = parsed.Record.PolicyFor(policyDomain != domain);
        var inherited = policyDomain == domain ? "" : $" (the organisational domain's record, applied to {domain} as a subdomain)";
        return new DmarcLookup(domain, DmarcLookupStatus.Found, policyDomain, parsed.Record, records,
            $"{recordName} has a DMARC record{inherited}: policy {policy.ToString().ToLowerInvariant()}" +
            (parsed.Record.Percent < 100 ? $" for {parsed.Record.Percent}% of failing mail" : "") + ".");
    }

    private static string Normal(string name) => name.Trim().TrimEnd('.').ToLowerInvariant();
}
