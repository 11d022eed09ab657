using DnsClient;
using DnsClient.Protocol;
using MailFromConsole.Core.MailFrom;
using MailFromConsole.Core.Records;
using MailFromConsole.Core.Spf;

namespace MailFromConsole.Core.Diagnosis;

/// <summary>Asks DNS (DnsClient) for the MX, TXT and CNAME records of a MAIL FROM domain and explains what to fix.</summary>
public sealed class MailFromDnsDiagnostics : IMailFromDnsDiagnostics
{
    private readonly LookupClient _client;
    private readonly DnsResolverOptions _options;

    public MailFromDnsDiagnostics(DnsResolverOptions options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _client = new LookupClient(DnsResolverEndpoint.ToLookupOptions(options));
    }

    public async Task<DnsDiagnosis> DiagnoseAsync(string mailFromDomain, string region, CancellationToken cancellationToken = default)
    {
        if (!DnsNameRules.TryNormalize(mailFromDomain, "The MAIL FROM domain", out var name, out var errors))
        {
            return new DnsDiagnosis(mailFromDomain ?? "", [new DnsFinding(FindingSeverity.Error, DnsFindingCode.InvalidName, errors[0])], [], []);
        }

        var regionCode = region?.Trim().ToLowerInvariant();
        if (regionCode is null || !AwsRegionName.IsValid(regionCode))
        {
            return new DnsDiagnosis(name, [new DnsFinding(FindingSeverity.Error, DnsFindingCode.InvalidRegion, $"{DnsNameRules.Display(region)} is not an AWS region code such as us-east-1.")], [], []);
        }

        var mxTask = QueryAsync(name, QueryType.MX, cancellationToken);
        var txtTask = QueryAsync(name, QueryType.TXT, cancellationToken);
        var cnameTask = QueryAsync(name, QueryType.CNAME, cancellationToken);
        await Task.WhenAll(mxTask, txtTask, cnameTask).ConfigureAwait(false);
        var mx = await mxTask.ConfigureAwait(false);
        var txt = await txtTask.ConfigureAwait(false);
        var cname = await cnameTask.ConfigureAwait(false);

        var findings = new List<DnsFinding>();
        var timedOut = new[] { mx, txt, cname }.Where(r => r.TimedOut).Select(r => r.Type.ToString()).ToList();
        if (timedOut.Count > 0)
        {
            findings.Add(new DnsFinding(FindingSeverity.Error, DnsFindingCode.Timeout,
                $"DNS did not answer within {_options.Timeout.TotalSeconds:0.#} seconds when asked for the {string.Join(", ", timedOut)} records of {name}. " +
                "SES reports this as TemporaryFailure and keeps trying. Check that the name servers of your domain are up and answer " +
                $"for {name} (for example that the domain is delegated to the right name servers at your registrar)."));
        }

        foreach (var failed in new[] { mx, txt, cname }.Where(r => r.Error is not null))
        {
            findings.Add(new DnsFinding(FindingSeverity.Error, DnsFindingCode.DnsError,
                $"The DNS server answered the {failed.Type} question for {name} with an error ({failed.Error}). " +
                "SES cannot check the records while DNS fails; ask your DNS provider to fix the zone, then check again."));
        }

        var mxHosts = mx.Response?.Answers.MxRecords().Select(r => HostName(r.Exchange.Value)).ToList() ?? [];
        var txtValues = txt.Response?.Answers.TxtRecords().Select(r => string.Concat(r.Text)).ToList() ?? [];

        if (cname.Response is not null)
        {
            AddCnameFindings(name, cname.Response, findings);
        }

        if (mx.Response is not null)
        {
            AddMxFindings(name, regionCode, mxHosts, mx.NameDoesNotExist, findings);
        }

        if (txt.Response is not null)
        {
            AddSpfFindings(name, txtValues, findings);
        }

        return new DnsDiagnosis(name, findings, mxHosts, txtValues);
    }

    private static void AddCnameFindings(string name, IDnsQueryResponse response, List<DnsFinding> findings)
    {
        var alias = response.Answers.CnameRecords().FirstOrDefault(r => HostName(r.DomainName.Value) == name);
        if (alias is not null)
        {
            findings.Add(new DnsFinding(FindingSeverity.Error, DnsFindingCode.Cname,
                $"{name} is an alias (CNAME record) of {HostName(alias.CanonicalName.Value)}. A name with a CNAME cannot have other records, " +
                "so the MX and SPF records cannot live there. Delete the CNAME record, or choose another subdomain as the MAIL FROM domain."));
        }
    }

    private static void AddMxFindings(string name, string region, IReadOnlyList<string> hosts, bool nameDoesNotExist, List<DnsFinding> findings)
    {
        var required = $"{RequiredRecords.MxPreference} {RequiredRecords.FeedbackHost(region)}";
        if (hosts.Count == 0)
        {
            var why = nameDoesNotExist ? $"{name} does not exist in DNS yet" : $"{name} has no MX record";
            findings.Add(new DnsFinding(FindingSeverity.Error, DnsFindingCode.NoMx,
                $"{why}. Add one MX record at {name} with the value \"{required}\". Until SES finds it, the MAIL FROM status stays Pending and then becomes Failed."));
            return;
        }

        if (hosts.Count > 1)
        {
            findings.Add(new DnsFinding(FindingSeverity.Error, DnsFindingCode.SeveralMx,
                $"{name} has {hosts.Count} MX records ({string.Join(", ", hosts.Select(Shown))}). SES needs exactly one; with several, " +
                $"the custom MAIL FROM setup fails. Keep only \"{required}\" and delete the others."));
        }

        var lookAlikes = hosts.Where(h => !RequiredRecords.IsSesFeedbackHost(h) && LooksLikeMeantForSes(h)).Distinct().ToList();
        foreach (var host in lookAlikes)
        {
            findings.Add(new DnsFinding(FindingSeverity.Error, DnsFindingCode.WrongMxHost,
                $"The MX record of {name} points at {Shown(host)}, which is not an SES feedback host. Change its value to \"{required}\"." +
                WrongHostHint(host)));
        }

        var mailServers = hosts.Where(h => !RequiredRecords.IsSesFeedbackHost(h) && !LooksLikeMeantForSes(h)).Distinct().ToList();
        if (mailServers.Count > 0)
        {
            findings.Add(new DnsFinding(FindingSeverity.Error, DnsFindingCode.ReceivesMail,
                MailFromWarnings.ReceivesMail(name, mailServers) + $" SES only accepts an MX record that points at its feedback host ({RequiredRecords.FeedbackHost(region)})."));
        }

        if (hosts.Count == 1 && RequiredRecords.FeedbackRegion(hosts[0]) is { } mxRegion)
        {
            var regionNote = mxRegion == region
                ? ""
                : $" That is the feedback host of {mxRegion}; one MX serves every region that uses this MAIL FROM domain, so {region} can use it too.";
            findings.Add(new DnsFinding(FindingSeverity.Ok, DnsFindingCode.MxOk,
                $"{name} has exactly one MX record, pointing at the SES feedback host {hosts[0]}.{regionNote}"));
        }
    }

    private static void AddSpfFindings(string name, IReadOnlyList<string> txtValues, List<DnsFinding> findings)
    {
        var spf = txtValues.Where(v => SpfRecord.IsSpf(v)).ToList();
        if (spf.Count == 0)
        {
            findings.Add(new DnsFinding(FindingSeverity.Error, DnsFindingCode.NoSpf,
                $"{name} has no SPF record. Add a TXT record at {name} with the value \"{RequiredRecords.SpfValue}\" so that receivers' SPF checks pass for mail SES sends."));
            return;
        }

        if (spf.Count > 1)
        {
            findings.Add(new DnsFinding(FindingSeverity.Error, DnsFindingCode.TwoSpf,
                $"{name} has {spf.Count} SPF records (TXT values starting with v=spf1). Receivers treat that as an error and SPF fails. " +
                "Combine them into one record that contains include:amazonses.com and delete the others."));
            return;
        }

        var record = SpfRecord.Parse(spf[0]);
        if (record.AmazonSesIncludeQualifier is not '+')
        {
            var merged = SpfMerge.Merge(txtValues);
            var suggestion = merged.CanPublish ? $" For example: \"{merged.TxtValues.First(SpfRecord.IsSpf)}\"." : "";
            findings.Add(new DnsFinding(FindingSeverity.Error, DnsFindingCode.SpfWithoutAmazonSes,
                $"The SPF record of {name} does not include amazonses.com, so receivers' SPF checks fail for mail SES sends. " +
                $"Add include:amazonses.com to it (before the 'all' term) rather than adding a second SPF record.{suggestion}"));
            return;
        }

        findings.Add(new DnsFinding(FindingSeverity.Ok, DnsFindingCode.SpfOk, $"{name} has one SPF record and it includes amazonses.com."));
        if (record.DnsLookupCount > SpfRecord.MaxDnsLookups)
        {
            findings.Add(new DnsFinding(FindingSeverity.Warning, DnsFindingCode.SpfTooManyLookups,
                $"The SPF record of {name} needs {record.DnsLookupCount} DNS lookups; receivers stop at {SpfRecord.MaxDnsLookups} and SPF then fails. Remove terms you no longer need."));
        }
    }

    // An MX that was clearly meant to be SES's (a typo, the wrong service, or the zone name appended by the DNS provider)
    // is a mistake to correct; any other host is a real mail server, and the name then receives mail.
    private static bool LooksLikeMeantForSes(string host) =>
        host.Length == 0 || host.Contains("amazonses", StringComparison.Ordinal) || host.StartsWith("feedback-smtp", StringComparison.Ordinal);

    private static string WrongHostHint(string host)
    {
        if (host.Length == 0)
        {
            return " The current record is a \"null MX\" (value \".\"), which says the name accepts no mail at all.";
        }

        return host.Contains(".amazonses.com.", StringComparison.Ordinal)
            ? " Your DNS provider seems to have added your domain to the end of the value: enter the host with a final dot, or as the provider's help says for MX values outside your domain."
            : "";
    }

    private static string Shown(string host) => host.Length == 0 ? "\".\" (null MX)" : host;

    private static string HostName(string value) => value.TrimEnd('.').ToLowerInvariant();

    private Task<DnsAnswer> QueryAsync(string name, QueryType type, CancellationToken cancellationToken) =>
        DnsAnswer.AskAsync(_client, name, type, cancellationToken);
}
