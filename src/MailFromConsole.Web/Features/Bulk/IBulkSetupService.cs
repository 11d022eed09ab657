using MailFromConsole.Web.Infrastructure.Errors;

namespace MailFromConsole.Web.Features.Bulk;

/// <summary>"Set MAIL FROM Domain for N identities": the review (changes nothing), then a job that runs in the background.</summary>
public interface IBulkSetupService
{
    /// <summary>The review table; nothing is changed. Refuses a pattern that cannot give a MAIL FROM domain.</summary>
    Task<ServiceResult<BulkReview>> ReviewAsync(BulkRequest request, CancellationToken cancellationToken = default);

    /// <summary>Starts a job for the rows of <paramref name="review"/> (Operators); the skipped rows stay skipped.</summary>
    Task<ServiceResult<long>> StartAsync(BulkReview review, CancellationToken cancellationToken = default);

    /// <summary>Asks a running job to stop (Operators): the rows not started yet end as cancelled.</summary>
    Task<ServiceResult> CancelAsync(long jobId, CancellationToken cancellationToken = default);

    Task<ServiceResult<IReadOnlyList<BulkJobSummary>>> JobsAsync(CancellationToken cancellationToken = default);

    Task<ServiceResult<BulkJobDetails>> JobAsync(long jobId, CancellationToken cancellationToken = default);
}
