using MailFromConsole.Web.Infrastructure.Errors;

namespace MailFromConsole.Web.Features.Assistant;

/// <summary>The assistant's last step: where the setup stands, from SES's status and the DNS diagnosis.</summary>
public interface ISetupChecklist
{
    Task<ServiceResult<SetupProgress>> CheckAsync(string region, string identity, CancellationToken cancellationToken = default);
}
