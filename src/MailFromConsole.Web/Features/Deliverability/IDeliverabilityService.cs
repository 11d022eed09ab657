using MailFromConsole.Web.Infrastructure.Errors;

namespace MailFromConsole.Web.Features.Deliverability;

/// <summary>Per identity: MAIL FROM, DKIM, SPF and DMARC as receivers see them, and Easy DKIM set-up.</summary>
public interface IDeliverabilityService
{
    Task<ServiceResult<DeliverabilityReport>> GetAsync(string region, string identity, CancellationToken cancellationToken = default);

    /// <summary>Starts Easy DKIM for a domain identity and turns signing on (Operators only, audited).</summary>
    /// <returns>The three tokens whose CNAME records must be published.</returns>
    Task<ServiceResult<IReadOnlyList<string>>> EnableEasyDkimAsync(string region, string identity, CancellationToken cancellationToken = default);
}
