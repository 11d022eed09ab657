using MailFromConsole.Aws;
using MailFromConsole.Core.Bulk;
using MailFromConsole.Core.Route53;
using MailFromConsole.Web.Features.Audit;
using MailFromConsole.Web.Infrastructure.Auth;
using MailFromConsole.Web.Infrastructure.Errors;
using Microsoft.Extensions.Options;

namespace MailFromConsole.Web.Features.Bulk;

public sealed class BulkSetupService(
    BulkJobStore store,
    IServiceProvider services,
    IRoute53Accounts route53,
    ICurrentUser user,
    IRoleGuard guard,
    IAuditTrail audit,
    IOptions<AwsClientOptions> aws,
    ILogger<BulkSetupService> logger) : IBulkSetupService
{
    public const string StartJobAction = "StartBulkJob";
    public const string CancelJobAction = "CancelBulkJob";
    private const int JobsShown = 50;

    public Task<ServiceResult<BulkReview>> ReviewAsync(BulkRequest request, CancellationToken cancellationToken = default)
    {
        if (MailFromPattern.Problem(request.Pattern) is { } problem) return Task.FromResult(ServiceResult<BulkReview>.Fail(problem, "InvalidPattern"));
        if (request.Identities.Count == 0) return Task.FromResult(ServiceResult<BulkReview>.Fail("Select at least one identity.", "NothingSelected"));
        var reviewer = services.GetRequiredService<BulkReviewer>();
        return ServiceEdge.RunAsync(logger, "Review bulk MAIL FROM setup", () => reviewer.ReviewAsync(request, new ZoneDirectory(route53), cancellationToken));
    }

    public async Task<ServiceResult<long>> StartAsync(BulkReview review, CancellationToken cancellationToken = default)
    {
        try
        {
            await guard.RequireNowAsync(ConsoleRole.Operator, cancellationToken);
        }
        catch (NotAuthorizedException refused)
        {
            return ServiceResult<long>.Fail(refused.Message, Infrastructure.Changes.ChangeGate.NotAuthorizedCode);
        }
        if (review.Ready == 0) return ServiceResult<long>.Fail("Every row of the review is skipped: there is nothing to do.", "NothingToDo");
        var id = await store.CreateAsync(review, user.Name!, user.Role!.Value.ToString(), cancellationToken);
        await audit.RecordAsync(new AuditChange(StartJobAction, review.Request.Region, $"{review.Ready} identities")
        {
            After = $"{review.Request.Pattern} ({review.Request.Behavior})",
            Detail = $"Bulk job {id}: {review.Ready} to set, {review.Rows.Count - review.Ready} skipped",
        }, CancellationToken.None);
        services.GetService<BulkJobWorker>()?.Started();
        return ServiceResult<long>.Ok(id);
    }

    public async Task<ServiceResult> CancelAsync(long jobId, CancellationToken cancellationToken = default)
    {
        try
        {
            await guard.RequireNowAsync(ConsoleRole.Operator, cancellationToken);
        }
        catch (NotAuthorizedException refused)
        {
            return ServiceResult.Fail(refused.Message, Infrastructure.Changes.ChangeGate.NotAuthorizedCode);
        }
        var job = await store.FindAsync(jobId, cancellationToken);
        if (!await store.RequestCancelAsync(jobId, user.Name!, cancellationToken))
            return ServiceResult.Fail($"Bulk job {jobId} is not running.", "NotRunning");
        await audit.RecordAsync(new AuditChange(CancelJobAction, job!.Region, $"bulk job {jobId}") { Detail = $"Bulk job {jobId}" }, CancellationToken.None);
        return ServiceResult.Ok();
    }

    public async Task<ServiceResult<IReadOnlyList<BulkJobSummary>>> JobsAsync(CancellationToken cancellationToken = default)
    {
        if (RefusedToView() is { } refused) return ServiceResult<IReadOnlyList<BulkJobSummary>>.Fail(refused, Infrastructure.Changes.ChangeGate.NotAuthorizedCode);
        return ServiceResult<IReadOnlyList<BulkJobSummary>>.Ok(await store.SummariesAsync(JobsShown, MinimumPerRow, cancellationToken));
    }

    public async Task<ServiceResult<BulkJobDetails>> JobAsync(long jobId, CancellationToken cancellationToken = default)
    {
        if (RefusedToView() is { } refused) return ServiceResult<BulkJobDetails>.Fail(refused, Infrastructure.Changes.ChangeGate.NotAuthorizedCode);
        var summary = (await store.SummariesAsync(1, MinimumPerRow, cancellationToken, only: jobId)).FirstOrDefault();
        if (summary is null) return ServiceResult<BulkJobDetails>.Fail($"There is no bulk job {jobId}.", "NotFound");
        var rows = (await store.RowsAsync(jobId, cancellationToken)).Select(r => new BulkJobRow(r.Position, r.Identity, r.MailFromDomain, r.ZoneName?.TrimEnd('.'), r.Plan,
            Enum.Parse<BulkRowState>(r.State), r.Result, r.ChangeId)).ToList();
        return ServiceResult<BulkJobDetails>.Ok(new BulkJobDetails(summary, rows));
    }

    /// <summary>One SetIdentityMailFromDomain per row, at SES's pace: the ETA is never shorter.</summary>
    private TimeSpan MinimumPerRow => aws.Value.RateLimits.SesMailFromInterval;

    private string? RefusedToView()
    {
        try
        {
            guard.Require(ConsoleRole.Viewer);
            return null;
        }
        catch (NotAuthorizedException refused)
        {
            return refused.Message;
        }
    }
}
