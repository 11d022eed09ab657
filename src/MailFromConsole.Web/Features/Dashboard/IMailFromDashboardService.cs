namespace MailFromConsole.Web.Features.Dashboard;

/// <summary>What needs action across regions, from the account view.</summary>
public interface IMailFromDashboardService
{
    Task<DashboardReport> LoadAsync(IReadOnlyCollection<string> regions, CancellationToken cancellationToken = default);
}
