using MailFromConsole.Core.Route53;
using MailFromConsole.Web.Infrastructure.Errors;

namespace MailFromConsole.Web.Features.Publish;

/// <summary>"Publish Records Using Route 53": preview, apply as one atomic batch, follow to INSYNC.</summary>
public interface IPublishService
{
    Task<ServiceResult<PublishPreview>> PreviewAsync(PublishTarget target, CancellationToken cancellationToken = default);

    Task<ServiceResult<PublishOutcome>> ApplyAsync(PublishPreview preview, CancellationToken cancellationToken = default);

    /// <summary>Polls GetChange (in the account that made the change) until INSYNC (or the configured limit), reporting each status.</summary>
    Task<ServiceResult<ChangeInfo>> WaitForInSyncAsync(PublishOutcome outcome, Action<ChangeInfo>? onStatus = null, CancellationToken cancellationToken = default);
}
