using MailFromConsole.Core.Records;

namespace MailFromConsole.Web.Features.Publish;

/// <summary>The MAIL FROM records to add by hand, as the name's DNS is now (an existing SPF record merged, not doubled).</summary>
public interface IRequiredRecordsLookup
{
    Task<RequiredRecordSet> ForAsync(string mailFromDomain, string region, CancellationToken cancellationToken = default);
}
