namespace MailFromConsole.Web.Features.CrossRegion;

/// <summary>One identity's MAIL FROM domain in every configured region.</summary>
public interface ICrossRegionService
{
    Task<CrossRegionReport> LoadAsync(string identity, CancellationToken cancellationToken = default);
}
