using MailFromConsole.Web.Infrastructure.Errors;

namespace MailFromConsole.Web.Features.Connection;

/// <summary>The Connection page (Admins): who the console runs as, what it can reach, and the IAM policy it needs.</summary>
public interface IConnectionService
{
    /// <summary>Asks STS, SES and Route 53 with read-only calls only; nothing is changed in AWS.</summary>
    Task<ServiceResult<ConnectionReport>> CheckAsync(CancellationToken cancellationToken = default);
}
