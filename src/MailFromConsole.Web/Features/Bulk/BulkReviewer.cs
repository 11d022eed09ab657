using MailFromConsole.Web.Infrastructure.Errors;
using MailFromConsole.Core.Bulk;
using MailFromConsole.Core.Diagnosis;
using MailFromConsole.Core.MailFrom;
using MailFromConsole.Core.Records;
using MailFromConsole.Core.Route53;
using MailFromConsole.Core.Ses;
using MailFromConsole.Web.Features.View;

namespace MailFromConsole.Web.Features.Bulk;

/// <summary>
/// Builds the review table: per identity the pattern's name checked by the MAIL FROM rules, the records plan of the
/// safe publish (<see cref="RecordSetPlanner"/>: receives mail, CNAME, SPF merge) in its Route 53 zone, or, without a
/// zone, the live DNS diagnosis. Nothing is changed.
/// </summary>
internal sealed class BulkReviewer(AccountView view, IMailFromDnsDiagnostics diagnostics)
{
    private const int ParallelDnsChecks = 8;

    public async Task<BulkReview> ReviewAsync(BulkRequest request, ZoneDirectory zones, CancellationToken cancellationToken)
    {
        var identities = request.Identities.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var rows = new BulkReviewRow[identities.Count];
        var manual = new List<int>();
        for (var i = 0; i < identities.Count; i++)
        {
            var identity = identities[i];
            var state = view.Find(request.Region, identity);
            var name = MailFromPattern.Apply(request.Pattern, identity);
            var current = state?.MailFrom;
            if (state is null)
                rows[i] = Skip(identity, name.NormalizedDomain, "—", $"{AwsErrorText.Readable(identity)} is not an identity in {request.Region}.", current);
            else if (!name.IsValid)
                rows[i] = Skip(identity, null, string.Join(" ", name.Errors), string.Join(" ", name.Errors), current);
            else if (state.Verification != VerificationStatus.Success)
                rows[i] = Skip(identity, name.NormalizedDomain, "Valid", $"The identity is not verified ({state.Verification?.ToString() ?? "not read yet"}): SES sets a MAIL FROM domain only for verified identities.", current);
            else if (await zones.ZoneForAsync(name.NormalizedDomain!, cancellationToken) is { } zone)
                rows[i] = InZone(identity, name.NormalizedDomain!, request.Region, zone, await zones.SetsAtAsync(zone, name.NormalizedDomain!, cancellationToken), current);
            else
                manual.Add(i);
        }
        // The identities without a zone are checked in DNS (a few at a time; each check is several lookups).
        await Parallel.ForEachAsync(manual, new ParallelOptions { MaxDegreeOfParallelism = ParallelDnsChecks, CancellationToken = cancellationToken }, async (i, token) =>
        {
            var identity = identities[i];
            var name = MailFromPattern.Apply(request.Pattern, identity).NormalizedDomain!;
            rows[i] = Manual(identity, name, await diagnostics.DiagnoseAsync(name, request.Region, token), view.Find(request.Region, identity)?.MailFrom);
        });
        return new BulkReview(request, rows);
    }

    private static BulkReviewRow Skip(string identity, string? name, string rule, string reason, IdentityMailFromDomainAttributes? current) =>
        new(identity, name, rule, "—", null, [], [], current, reason);

    private static BulkReviewRow InZone(string identity, string name, string region, HostedZone zone, IReadOnlyList<ResourceRecordSet> sets, IdentityMailFromDomainAttributes? current)
    {
        var plan = RecordSetPlanner.MailFrom(name, region, sets);
        if (plan.Refusal is not null) return new BulkReviewRow(identity, name, "Valid", plan.Refusal, zone, [], [], current, plan.Refusal);
        return new BulkReviewRow(identity, name, "Valid", DnsCheck(plan), zone, plan.Lines, plan.Changes, current, null);
    }

    /// <summary>What Route 53 holds at the name, in words: no mail received (checked by the plan), and what happens to MX and SPF.</summary>
    internal static string DnsCheck(RecordSetPlan plan)
    {
        var parts = new List<string> { "Receives no mail, no CNAME" };
        foreach (var line in plan.Lines)
        {
            parts.Add((line.Type, line.Kind) switch
            {
                ("MX", PreviewLineKind.Add) => "MX to add",
                ("MX", PreviewLineKind.Unchanged) => "MX already in place",
                ("MX", _) => "MX replaced by one",
                ("TXT", PreviewLineKind.Add) => "SPF to add",
                ("TXT", PreviewLineKind.Unchanged) => "SPF already in place",
                ("TXT", _) => "existing SPF/TXT merged",
                _ => $"{line.Type} {line.Kind}",
            });
        }
        return string.Join("; ", parts.Concat(plan.Notes));
    }

    private static BulkReviewRow Manual(string identity, string name, DnsDiagnosis dns, IdentityMailFromDomainAttributes? current)
    {
        if (MailFromWarnings.ReceivesMail(name, dns.MxHosts) is { } receives) return new BulkReviewRow(identity, name, "Valid", receives, null, [], [], current, receives);
        if (dns.Find(DnsFindingCode.Cname) is { } cname) return new BulkReviewRow(identity, name, "Valid", cname.Message, null, [], [], current, cname.Message);
        var spf = dns.TxtValues.Any(v => v.StartsWith("v=spf1", StringComparison.OrdinalIgnoreCase)) ? "an SPF record exists: merge include:amazonses.com into it" : "no SPF yet";
        return new BulkReviewRow(identity, name, "Valid", $"No hosted zone in Route 53: publish by hand; receives no mail, no CNAME; {spf}", null, [], [], current, null);
    }
}
