using MailFromConsole.Core.Export;
using MailFromConsole.Core.MailFrom;
using MailFromConsole.Core.Route53;
using MailFromConsole.Core.Ses;
using MailFromConsole.Web.Features.View;
using MailFromConsole.Web.Infrastructure.Errors;
using MailFromConsole.Web.Infrastructure.Hosting;
using Microsoft.Extensions.Options;

namespace MailFromConsole.Web.Features.Export;

/// <summary>Reads the identities from the account view (SES is not asked), their zones from Route 53, and lets Core write the documents.</summary>
public sealed class ExportService(AccountView view, IRoute53Accounts route53Accounts, IOptions<ConsoleRegionOptions> regions, ILogger<ExportService> logger) : IExportService
{
    public async Task<ServiceResult<ExportDocuments>> ExportAsync(string? region, IReadOnlyList<string> identities, CancellationToken cancellationToken = default)
    {
        if (region is null || !regions.Value.EffectiveRegions.Contains(region, StringComparer.Ordinal))
            return ServiceResult<ExportDocuments>.Fail(
                $"Unknown region {DnsNameRules.Display(region)}: choose one of {string.Join(", ", regions.Value.EffectiveRegions)}.", "UnknownRegion");
        if (identities.Count == 0)
            return ServiceResult<ExportDocuments>.Fail("Name at least one identity to export.", "NoIdentity");
        var states = new List<ExportIdentity>();
        foreach (var identity in identities.Distinct(StringComparer.Ordinal))
        {
            if (view.Find(region, identity) is not { } state)
                return ServiceResult<ExportDocuments>.Fail($"{DnsNameRules.Display(identity)} is not an identity of {region} (or the console has not read it yet).", "UnknownIdentity");
            states.Add(new ExportIdentity(state.Identity, state.Verification == VerificationStatus.Success, state.MailFrom));
        }

        return await ServiceEdge.RunAsync(logger, "Export MAIL FROM setup", async () =>
        {
            var zones = await ExportZoneLookup.ReadAsync(route53Accounts, states.Select(s => s.MailFromDomain), cancellationToken);
            var entries = ExportPlanner.Plan(region, states, zones);
            return new ExportDocuments(region, [.. states.Select(s => s.Identity)],
                TerraformExport.Generate(region, entries), CloudFormationExport.Generate(region, entries));
        });
    }
}
