using MailFromConsole.Core.Diagnosis;
using MailFromConsole.Core.MailFrom;
using MailFromConsole.Core.Spf;
using MailFromConsole.Web.Features.MailFrom;

namespace MailFromConsole.Web.Features.Assistant;

/// <summary>
/// The assistant's second step: suggests a MAIL FROM subdomain and checks a proposal live with the console's rules
/// (IMailFromService.Validate, its warnings) and the DNS diagnosis. It adds no rule of its own.
/// </summary>
public sealed class SubdomainAdvisor(IMailFromService mailFrom, IMailFromDnsDiagnostics diagnostics) : ISubdomainAdvisor
{
    public const string ValidKey = "valid";
    public const string ReceivesMailKey = "receives-mail";
    public const string CnameKey = "cname";

    /// <summary>The rules' verdict (from the name field) as the first line of the check, without DNS or AWS.</summary>
    public SubdomainReport CheckRules(string identity, MailFromCheck check)
    {
        if (!check.CanSet)
        {
            return new SubdomainReport(null,
                [new CheckItem(ValidKey, $"Is it a valid subdomain of {DomainOf(identity)}?", CheckState.Failed, string.Join(" ", check.Validation.Errors))], [], false);
        }
        return new SubdomainReport(check.Validation.NormalizedDomain, [ValidItem(identity, check.Validation.NormalizedDomain!)], [], false);
    }

    /// <summary>The rules, then what DNS shows at the name and the console's warnings.</summary>
    public async Task<SubdomainReport> CheckAsync(string region, string identity, string? proposed, CancellationToken cancellationToken = default)
    {
        var rules = CheckRules(identity, mailFrom.Validate(identity, proposed));
        if (rules.NormalizedDomain is not { } domain) return rules;

        var items = new List<CheckItem>(rules.Items);
        var hasSpf = false;
        var dns = await diagnostics.DiagnoseAsync(domain, region, cancellationToken);
        var unanswered = dns.Unanswered?.Message;
        if (unanswered is not null)
        {
            const string Unknown = "Could not check: DNS did not answer. You can go on; the last step checks again.";
            items.Add(new CheckItem(ReceivesMailKey, "Is the name free of other mail servers?", CheckState.Unknown, Unknown, unanswered));
            items.Add(new CheckItem(CnameKey, "Is the name free of an alias (CNAME)?", CheckState.Unknown, Unknown, unanswered));
        }
        else
        {
            var receives = MailFromWarnings.ReceivesMail(domain, dns.MxHosts);
            items.Add(receives is null
                ? new CheckItem(ReceivesMailKey, "Is the name free of other mail servers?", CheckState.Passed,
                    dns.MxHosts.Count == 0 ? "Yes: nothing receives mail at this name." : "Yes: its MX record already points at Amazon SES.",
                    "A MAIL FROM domain must not receive email: SES sends bounces there and needs the only MX record at the name.")
                : new CheckItem(ReceivesMailKey, "Is the name free of other mail servers?", CheckState.Failed,
                    "No: this name already receives email. Pick another name, for example one of the suggestions.", receives));

            var cname = dns.Find(DnsFindingCode.Cname);
            items.Add(cname is null
                ? new CheckItem(CnameKey, "Is the name free of an alias (CNAME)?", CheckState.Passed, "Yes.",
                    "A name that is an alias (CNAME) cannot have the MX and TXT records SES needs.")
                : new CheckItem(CnameKey, "Is the name free of an alias (CNAME)?", CheckState.Failed,
                    "No: this name is an alias of another name. Pick another name, or delete the alias first.", cname.Message));
            hasSpf = dns.TxtValues.Any(SpfRecord.IsSpf);
        }

        // DNS was asked above and "receives mail" is already a line of the check: only SES's side is left to ask.
        var warnings = new List<string>();
        var forwarding = await mailFrom.FeedbackForwardingWarningAsync(region, identity, domain, cancellationToken);
        if (!forwarding.Succeeded) warnings.Add($"Could not check the identity's notification settings: {forwarding.Error}");
        else if (forwarding.Value is { } warning) warnings.Add(warning);
        return new SubdomainReport(domain, items, warnings, hasSpf);
    }

    private static CheckItem ValidItem(string identity, string domain) =>
        new(ValidKey, $"Is it a valid subdomain of {DomainOf(identity)}?", CheckState.Passed, $"Yes: {domain}.",
            "SES requires the MAIL FROM domain to be a subdomain of the identity's domain (not the domain itself), with DNS labels of 1–63 letters, digits or hyphens.");

    // The identity comes from SES, but a refused check still names something when the identity itself is invalid.
    private static string DomainOf(string identity) =>
        MailFromDomainRules.TryIdentityDomain(identity, out var domain, out _) ? domain : identity;
}
