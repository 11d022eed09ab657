using MailFromConsole.Core.Diagnosis;
using MailFromConsole.Core.Records;
using MailFromConsole.Core.Ses;
using MailFromConsole.Core.Spf;
using MailFromConsole.Web.Features.MailFrom;
using MailFromConsole.Web.Infrastructure.Errors;

namespace MailFromConsole.Web.Features.Assistant;

/// <summary>
/// The assistant's last step: a live checklist built from the console's own answers — SES's status (IMailFromService,
/// fed by the shared poller) and the DNS diagnosis (IMailFromDnsDiagnostics). It judges nothing the diagnosis does not.
/// </summary>
public sealed class SetupChecklist(IMailFromService mailFrom, IMailFromDnsDiagnostics diagnostics) : ISetupChecklist
{
    public async Task<ServiceResult<SetupProgress>> CheckAsync(string region, string identity, CancellationToken cancellationToken = default)
    {
        var read = await mailFrom.GetAsync(region, identity, cancellationToken);
        if (!read.Succeeded) return ServiceResult<SetupProgress>.Fail(read.Error!, read.ErrorCode);
        var details = read.Value!;
        if (details.Attributes.MailFromDomain is not { } domain)
            return ServiceResult<SetupProgress>.Fail($"{identity} has no custom MAIL FROM domain in {region}. Go back a step and set one.", "NotSet");

        var dns = await diagnostics.DiagnoseAsync(domain, region, cancellationToken);
        var items = DnsItems(dns, region);
        items.Add(SesItem(details));
        return ServiceResult<SetupProgress>.Ok(new SetupProgress(details, items, dns, NextStep(details, items)));
    }

    private static List<CheckItem> DnsItems(DnsDiagnosis dns, string region)
    {
        string? Why(params DnsFindingCode[] codes) => dns.Find(codes)?.Message;
        var items = new List<CheckItem>();
        var failed = dns.Unanswered;
        if (failed is not null)
        {
            items.Add(new CheckItem("dns-answers", "Does DNS answer for the name?", CheckState.Failed,
                "No: the name servers did not answer properly. SES reports this as TemporaryFailure.", failed.Message));
        }
        if (Why(DnsFindingCode.Cname) is { } cname)
            items.Add(new CheckItem("cname", "Is the name free of an alias (CNAME)?", CheckState.Failed, "No: delete the alias, or restart the setup with another name.", cname));

        var hosts = dns.MxHosts;
        var required = $"{RequiredRecords.MxPreference} {RequiredRecords.FeedbackHost(region)}";
        items.Add(hosts.Count == 0
            ? new CheckItem("mx-found", "Is there an MX record?", CheckState.Waiting, "Not yet.", Why(DnsFindingCode.NoMx))
            : new CheckItem("mx-found", "Is there an MX record?", CheckState.Passed, "Yes."));
        items.Add(hosts.Count switch
        {
            0 => new CheckItem("mx-one", "Is there exactly one MX record?", CheckState.Waiting, "Not yet: there is none."),
            1 => new CheckItem("mx-one", "Is there exactly one MX record?", CheckState.Passed, "Yes."),
            _ => new CheckItem("mx-one", "Is there exactly one MX record?", CheckState.Failed,
                $"No: there are {hosts.Count}. Keep only \"{required}\" and delete the others.", Why(DnsFindingCode.SeveralMx)),
        });
        if (hosts.Count == 0)
        {
            items.Add(new CheckItem("mx-host", "Does it point at Amazon SES?", CheckState.Waiting, "Not yet: there is no MX record."));
        }
        else if (hosts.All(RequiredRecords.IsSesFeedbackHost))
        {
            var other = hosts.Select(RequiredRecords.FeedbackRegion).FirstOrDefault(r => r != region);
            items.Add(new CheckItem("mx-host", "Does it point at Amazon SES?", CheckState.Passed,
                other is null ? $"Yes: {hosts[0]}." : $"Yes: {hosts[0]}, the host of {other}. One MX serves every region, so {region} can use it too.",
                Why(DnsFindingCode.MxOk)));
        }
        else
        {
            items.Add(new CheckItem("mx-host", "Does it point at Amazon SES?", CheckState.Failed,
                $"No: change the value to \"{required}\".", Why(DnsFindingCode.WrongMxHost, DnsFindingCode.ReceivesMail)));
        }

        var spf = dns.TxtValues.Where(SpfRecord.IsSpf).ToList();
        items.Add(spf.Count == 0
            ? new CheckItem("spf-found", "Is there an SPF record?", CheckState.Waiting, "Not yet.", Why(DnsFindingCode.NoSpf))
            : new CheckItem("spf-found", "Is there an SPF record?", CheckState.Passed, "Yes."));
        items.Add(spf.Count switch
        {
            0 => new CheckItem("spf-merged", "Is it one SPF record that includes Amazon SES?", CheckState.Waiting, "Not yet: there is no SPF record."),
            _ when Why(DnsFindingCode.SpfOk) is { } ok => new CheckItem("spf-merged", "Is it one SPF record that includes Amazon SES?", CheckState.Passed, "Yes.",
                Why(DnsFindingCode.SpfTooManyLookups) ?? ok),
            _ => new CheckItem("spf-merged", "Is it one SPF record that includes Amazon SES?", CheckState.Failed,
                spf.Count > 1 ? "No: there are several SPF records. Combine them into one." : "No: add include:amazonses.com to the existing SPF record.",
                Why(DnsFindingCode.TwoSpf, DnsFindingCode.SpfWithoutAmazonSes)),
        });
        return items;
    }

    private static CheckItem SesItem(MailFromDetails details) => details.Attributes.MailFromDomainStatus switch
    {
        CustomMailFromStatus.Success => new CheckItem("ses-status", "Has Amazon SES confirmed it?", CheckState.Passed, "Yes: the status is Success.", details.StatusMeaning),
        CustomMailFromStatus.Failed => new CheckItem("ses-status", "Has Amazon SES confirmed it?", CheckState.Failed, "No: the status is Failed. SES stopped looking.", details.StatusMeaning),
        CustomMailFromStatus.TemporaryFailure => new CheckItem("ses-status", "Has Amazon SES confirmed it?", CheckState.Failed,
            "Not yet: the status is TemporaryFailure (SES could not ask DNS). SES keeps trying.", details.StatusMeaning),
        _ => new CheckItem("ses-status", "Has Amazon SES confirmed it?", CheckState.Waiting, "Not yet: the status is Pending.", details.StatusMeaning),
    };

    private static string NextStep(MailFromDetails details, IReadOnlyList<CheckItem> items)
    {
        var dnsItems = items.Where(i => i.Key != "ses-status").ToList();
        var domain = details.Attributes.MailFromDomain;
        return details.Attributes.MailFromDomainStatus switch
        {
            CustomMailFromStatus.Success => $"Done. Mail from {details.Identity} now uses {domain} as its MAIL FROM domain, and bounces come back to it.",
            CustomMailFromStatus.Failed => dnsItems.All(i => i.State == CheckState.Passed)
                ? "SES gave up before the records were right. They look right now: choose Restart setup so that SES looks again."
                : "SES gave up looking for the records. Fix the lines marked in red, then choose Restart setup so that SES looks again.",
            CustomMailFromStatus.TemporaryFailure =>
                "SES could not ask DNS about the name (for example a time-out). It tries again by itself. If this lasts more than a few hours, " +
                "ask whoever runs your DNS to check that the domain's name servers answer.",
            _ when dnsItems.Any(i => i.State == CheckState.Failed) => "Something in DNS needs fixing: see the lines marked in red. This page checks again by itself.",
            _ when dnsItems.Any(i => i.State is CheckState.Waiting or CheckState.Unknown) =>
                "The records are not visible in DNS yet. If you just added them, wait a few minutes: DNS changes take a little time to show. This page checks again by itself.",
            _ => "The records look right. SES checks by itself, usually within minutes (at most 72 hours). You can leave this page; nothing else is needed.",
        };
    }
}
