using MailFromConsole.Core.Diagnosis;
using MailFromConsole.Core.Records;

namespace MailFromConsole.Web.Features.Publish;

/// <summary>Reads the TXT values at the name with the DNS diagnosis and lets Core merge the SPF record into them.</summary>
public sealed class RequiredRecordsLookup(IMailFromDnsDiagnostics diagnostics) : IRequiredRecordsLookup
{
    public async Task<RequiredRecordSet> ForAsync(string mailFromDomain, string region, CancellationToken cancellationToken = default)
    {
        var dns = await diagnostics.DiagnoseAsync(mailFromDomain, region, cancellationToken);
        return RequiredRecords.For(mailFromDomain, region, dns.TxtValues);
    }
}
