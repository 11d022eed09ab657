using MailFromConsole.Web.Features.View;
using MailFromConsole.Web.Infrastructure.Changes;
using MailFromConsole.Web.Infrastructure.Cluster;

namespace MailFromConsole.Web.Features.Bulk;

/// <summary>
/// Runs the jobs on the leading instance only (<see cref="ILeaderLease"/>), so no job runs twice when several instances
/// share PostgreSQL; a job started on another instance is found within <see cref="PollInterval"/>, one started here at once.
/// A job that was running when the leader stopped goes on where it stopped on the next leader, once the audit entries
/// the stop left open are resolved (a row sent again first would make its old entry read as applied).
/// </summary>
internal sealed class BulkJobWorker(BulkJobRunner runner, ILeaderLease lease, UnfinishedChanges unfinished, TimeProvider time, ILogger<BulkJobWorker> logger) : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    private readonly Wake wake = new();

    /// <summary>A job was just started on this instance.</summary>
    public void Started() => wake.Signal();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await unfinished.FirstPass.WaitAsync(stoppingToken);
            await lease.RunWhileLeaderAsync(async leading =>
            {
                while (!leading.IsCancellationRequested)
                {
                    // Taken before looking for jobs, so a job started while this run looks is not missed.
                    var next = wake.Next;
                    try
                    {
                        await runner.RunActiveJobsAsync(leading);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        // A storage or AWS failure outside any row (the database gone a moment): the job goes on at the next turn.
                        logger.LogError(ex, "Bulk jobs: a run stopped; it goes on in {Interval}", PollInterval);
                    }
                    await Wake.WaitAsync(next, PollInterval, time, leading);
                }
            }, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutting down: rows in flight are resolved at the next start.
        }
    }
}
