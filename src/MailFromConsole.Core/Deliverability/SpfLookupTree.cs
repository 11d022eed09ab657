using System.Collections.Immutable;
using DnsClient;
using DnsClient.Protocol;
using MailFromConsole.Core.Diagnosis;
using MailFromConsole.Core.Spf;

namespace MailFromConsole.Core.Deliverability;

/// <summary>
/// Walks an SPF record's terms the way a receiver does (RFC 7208): every include, redirect, a, mx, exists and ptr costs a
/// DNS lookup, answers without records are void lookups, and include/redirect targets are resolved in turn. One walk per check.
/// </summary>
internal sealed class SpfLookupTree
{
    private const int MaxVoidLookups = 2;
    private const int MaxMxHosts = 10;
    private const string AmazonSes = "amazonses.com";

    private readonly LookupClient _client;
    private readonly CancellationToken _cancellationToken;
    private readonly List<SpfIssue> _issues = [];
    private readonly List<SpfInclude> _includes = [];
    private int _lookups;
    private int _voids;
    private bool _authorizesAmazonSes;

    private SpfLookupTree(LookupClient client, CancellationToken cancellationToken)
    {
        _client = client;
        _cancellationToken = cancellationToken;
    }

    public static async Task<SpfCheck> CheckAsync(LookupClient client, string domain, CancellationToken cancellationToken)
    {
        var tree = new SpfLookupTree(client, cancellationToken);
        var (record, issue) = await tree.FetchAsync(domain).ConfigureAwait(false);
        if (record is null)
        {
            return new SpfCheck(domain, null, 0, 0, false, [issue!]);
        }

        await tree.WalkAsync(domain, record, ImmutableStack.Create(domain), passing: true).ConfigureAwait(false);
        return tree.Result(domain, record);
    }

    private SpfCheck Result(string domain, string record)
    {
        if (!_authorizesAmazonSes)
        {
            _issues.Insert(0, new SpfIssue(FindingSeverity.Error, SpfIssueCode.NoAmazonSes,
                $"The SPF record of {domain} does not include amazonses.com, so receivers' SPF checks fail for mail SES sends. " +
                "Add include:amazonses.com before its 'all' term."));
        }

        if (_lookups > SpfRecord.MaxDnsLookups)
        {
            _issues.Add(new SpfIssue(FindingSeverity.Error, SpfIssueCode.TooManyLookups,
                $"The SPF record of {domain} needs {(_lookups > SpfRecord.MaxDnsLookups + 1 ? "at least " : "")}{_lookups} DNS lookups with its includes resolved; " +
                $"receivers stop at {SpfRecord.MaxDnsLookups} and SPF fails (permerror). Remove includes you no longer need, or replace them with ip4:/ip6: ranges."));
        }

        if (_voids > MaxVoidLookups)
        {
            _issues.Add(new SpfIssue(FindingSeverity.Error, SpfIssueCode.TooManyVoidLookups,
                $"The SPF record of {domain} makes {_voids} lookups that find nothing (names that do not exist or have no records); " +
                $"receivers allow {MaxVoidLookups} and then SPF fails. Remove the terms that point at those names."));
        }

        return new SpfCheck(domain, record, _lookups, _voids, _authorizesAmazonSes, _issues) { Includes = _includes };
    }

    private async Task WalkAsync(string domain, string record, ImmutableStack<string> path, bool passing)
    {
        var terms = SpfRecord.Parse(record).Terms;
        var hasAll = terms.Any(t => t.Name == "all");
        foreach (var term in terms)
        {
            // Past the limit the verdict is settled (permerror); stop asking DNS so a huge tree stays cheap.
            if (_lookups > SpfRecord.MaxDnsLookups)
            {
                return;
            }

            switch (term.Name)
            {
                case "include":
                    await FollowAsync(domain, term.Argument, path, passing && term.Qualifier == '+', "include:").ConfigureAwait(false);
                    break;
                case "redirect" when !hasAll: // a redirect is ignored when the record has an 'all' term (RFC 7208 section 6.1)
                    await FollowAsync(domain, term.Argument, path, passing, "redirect=").ConfigureAwait(false);
                    break;
                case "a":
                    _lookups++;
                    await CountVoidAsync(domain, TargetOf(term, domain), QueryType.A).ConfigureAwait(false);
                    break;
                case "exists":
                    _lookups++;
                    await CountVoidAsync(domain, term.Argument, QueryType.A).ConfigureAwait(false);
                    break;
                case "mx":
                    _lookups++;
                    await CheckMxAsync(domain, TargetOf(term, domain)).ConfigureAwait(false);
                    break;
                case "ptr":
                    _lookups++;
                    _issues.Add(new SpfIssue(FindingSeverity.Warning, SpfIssueCode.Unchecked,
                        $"The SPF record of {domain} uses 'ptr', which is slow, unreliable and discouraged (RFC 7208 section 5.5); many receivers ignore it. Use ip4:/ip6: or include: instead."));
                    break;
            }
        }
    }

    private async Task FollowAsync(string domain, string target, ImmutableStack<string> path, bool passing, string how)
    {
        _lookups++;
        var name = target.Trim().TrimEnd('.').ToLowerInvariant();
        if (name == AmazonSes && passing)
        {
            _authorizesAmazonSes = true;
        }

        var include = new SpfInclude(path.Count(), how + name, null);
        if (HasMacro(domain, name))
        {
            _includes.Add(include);
            return;
        }

        if (path.Contains(name))
        {
            _includes.Add(include);
            _issues.Add(new SpfIssue(FindingSeverity.Error, SpfIssueCode.Loop,
                $"The SPF record of {domain} has {how}{name}, which leads back to a record already on the way ({string.Join(" → ", path.Reverse().Append(name))}). " +
                "Receivers fail SPF for a loop; remove that term."));
            return;
        }

        var (record, issue) = await FetchAsync(name).ConfigureAwait(false);
        _includes.Add(include with { Record = record });
        if (record is null)
        {
            _issues.Add(issue! with
            {
                Code = issue.Code == SpfIssueCode.DnsFailed ? SpfIssueCode.Unchecked : SpfIssueCode.IncludeWithoutRecord,
                Severity = issue.Code == SpfIssueCode.DnsFailed ? FindingSeverity.Warning : FindingSeverity.Error,
                Message = $"The SPF record of {domain} has {how}{name}, but " + issue.Message,
            });
            return;
        }

        await WalkAsync(name, record, path.Push(name), passing).ConfigureAwait(false);
    }

    /// <summary>The one SPF record at <paramref name="name"/>, or why there is none, worded to follow "… but ".</summary>
    private async Task<(string? Record, SpfIssue? Issue)> FetchAsync(string name)
    {
        var answer = await DnsAnswer.AskAsync(_client, name, QueryType.TXT, _cancellationToken).ConfigureAwait(false);
        if (answer.Response is null)
        {
            return (null, new SpfIssue(FindingSeverity.Error, SpfIssueCode.DnsFailed,
                $"DNS could not be asked for the SPF record of {name} ({Why(answer)}); its lookups are not counted. Check again later."));
        }

        var spf = answer.Response.Answers.TxtRecords().Select(r => string.Concat(r.Text)).Where(SpfRecord.IsSpf).ToList();
        if (spf.Count == 0)
        {
            _voids += answer.NameDoesNotExist || answer.Response.Answers.Count == 0 ? 1 : 0;
            return (null, new SpfIssue(FindingSeverity.Error, SpfIssueCode.NoRecord,
                $"{name} has no SPF record{(answer.NameDoesNotExist ? " (the name does not exist)" : "")}. " +
                $"Add a TXT record at {name} with the value \"v=spf1 include:amazonses.com ~all\"."));
        }

        if (spf.Count > 1)
        {
            return (null, new SpfIssue(FindingSeverity.Error, SpfIssueCode.SeveralRecords,
                $"{name} has {spf.Count} SPF records (TXT values starting with v=spf1); receivers fail SPF (permerror) when there is more than one. " +
                "Combine them into one record and delete the others."));
        }

        return (spf[0], null);
    }

    private async Task CheckMxAsync(string domain, string name)
    {
        if (HasMacro(domain, name))
        {
            return;
        }

        var answer = await CountVoidAsync(domain, name, QueryType.MX).ConfigureAwait(false);
        var hosts = answer?.Response?.Answers.MxRecords().Select(r => r.Exchange.Value.TrimEnd('.')).Where(h => h.Length > 0).ToList() ?? [];
        if (hosts.Count > MaxMxHosts)
        {
            _issues.Add(new SpfIssue(FindingSeverity.Error, SpfIssueCode.TooManyMxHosts,
                $"The 'mx' term of the SPF record of {domain} points at {name}, which has {hosts.Count} MX hosts; receivers look up at most {MaxMxHosts} and then fail SPF."));
            return;
        }

        foreach (var host in hosts)
        {
            await CountVoidAsync(domain, host, QueryType.A).ConfigureAwait(false);
        }
    }

    /// <summary>Asks DNS; an answer without records (or NXDOMAIN) is a void lookup, a failure is noted as unchecked.</summary>
    private async Task<DnsAnswer?> CountVoidAsync(string domain, string name, QueryType type)
    {
        if (HasMacro(domain, name))
        {
            return null;
        }

        var answer = await DnsAnswer.AskAsync(_client, name, type, _cancellationToken).ConfigureAwait(false);
        if (answer.Response is null)
        {
            _issues.Add(new SpfIssue(FindingSeverity.Warning, SpfIssueCode.Unchecked,
                $"DNS could not be asked for the {type} records of {name}, used by the SPF record of {domain} ({Why(answer)}). Check again later."));
        }
        else if (answer.NameDoesNotExist || answer.Response.Answers.Count == 0)
        {
            _voids++;
        }

        return answer;
    }

    // %{i}, %{s}… expand per message (the sender's IP, address…), so what they point at cannot be checked ahead of time.
    private bool HasMacro(string domain, string name)
    {
        if (!name.Contains('%', StringComparison.Ordinal))
        {
            return false;
        }

        _issues.Add(new SpfIssue(FindingSeverity.Warning, SpfIssueCode.Unchecked,
            $"The SPF record of {domain} uses the macro name {MessageText.Escape(name, 80)}, which depends on each message; the lookups below it are not counted."));
        return true;
    }

    private static string TargetOf(SpfTerm term, string domain)
    {
        var argument = term.Argument;
        var slash = argument.IndexOf('/', StringComparison.Ordinal);
        var name = slash < 0 ? argument : argument[..slash];
        return name.Length == 0 ? domain : name.TrimEnd('.').ToLowerInvariant();
    }

    private static string Why(DnsAnswer answer) => answer.TimedOut ? "no answer in time" : $"DNS answered {answer.Error}";
}
