using MailFromConsole.Core.Diagnosis;
using MailFromConsole.Core.Records;
using MailFromConsole.Core.Ses;
using MailFromConsole.Web.Features.Identities;
using MailFromConsole.Web.Infrastructure.Hosting;
using Microsoft.Extensions.Options;

namespace MailFromConsole.Web.Features.CrossRegion;

/// <summary>One identity across every configured region, through the identity service (SES is regional).</summary>
public sealed class CrossRegionService(IIdentityService identities, IMailFromDnsDiagnostics diagnostics, IOptions<ConsoleRegionOptions> regionOptions) : ICrossRegionService
{
    public async Task<CrossRegionReport> LoadAsync(string identity, CancellationToken cancellationToken = default)
    {
        var verified = new List<RegionMailFrom>();
        var notVerified = new List<string>();
        var errors = new List<string>();
        var absent = new List<string>();
        foreach (var region in regionOptions.Value.EffectiveRegions)
        {
            var row = await identities.GetAsync(region, identity, cancellationToken);
            if (!row.Succeeded)
            {
                (row.ErrorCode == "NotFound" ? absent : errors).Add($"{region}: {row.Error}");
                continue;
            }
            if (row.Value!.Status != VerificationStatus.Success)
            {
                notVerified.Add(region);
                continue;
            }
            var attributes = row.Value.MailFrom ?? new IdentityMailFromDomainAttributes(null, null, BehaviorOnMxFailure.UseDefaultValue);
            verified.Add(new RegionMailFrom(region, row.Value.MailFrom, RequiredRecords.Effective(region, attributes)));
        }

        var notes = new List<SharedMxNote>();
        foreach (var group in verified.Where(v => v.MailFromDomain is not null).GroupBy(v => v.MailFromDomain!.ToLowerInvariant()))
            notes.Add(await NoteAsync(group.Key, group.Select(g => g.Region).ToList(), cancellationToken));
        return new CrossRegionReport(identity, verified, notVerified, notes, errors, absent);
    }

    private async Task<SharedMxNote> NoteAsync(string domain, IReadOnlyList<string> regions, CancellationToken cancellationToken)
    {
        var used = string.Join(", ", regions);
        var sharing = regions.Count > 1
            ? $"{domain} is the MAIL FROM domain in {used}. It needs only one MX record, pointing at the feedback host of any one of these regions; that one MX serves all of them. Do not add a second MX."
            : $"{domain} is the MAIL FROM domain in {used}. If you use it in another region too, the same single MX serves that region as well.";
        var dns = await diagnostics.DiagnoseAsync(domain, regions[0], cancellationToken);
        var sesHosts = dns.MxHosts.Where(RequiredRecords.IsSesFeedbackHost).ToList();
        if (dns.MxHosts.Count == 1 && sesHosts.Count == 1)
        {
            var mxRegion = RequiredRecords.FeedbackRegion(sesHosts[0]);
            return new SharedMxNote(domain, regions, mxRegion, $"Its MX points at {sesHosts[0]}, the feedback host of {mxRegion}. {sharing}");
        }
        var problem = dns.MxProblem;
        return new SharedMxNote(domain, regions, null, $"{sharing} DNS: {problem?.Message ?? "the MX record is not as SES needs it."}");
    }
}
