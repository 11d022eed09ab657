namespace MailFromConsole.Web.Infrastructure.Cluster;

public static class LeaderLeaseExtensions
{
    /// <summary>
    /// Runs <paramref name="work"/> whenever this instance leads, with a token cancelled when leadership is lost or the
    /// host stops; after a loss it waits to lead again. Returns when <paramref name="stoppingToken"/> is cancelled.
    /// </summary>
    public static async Task RunWhileLeaderAsync(this ILeaderLease lease, Func<CancellationToken, Task> work, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            CancellationToken leadership;
            try
            {
                leadership = await lease.WaitForLeadershipAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            using var both = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, leadership);
            try
            {
                await work(both.Token);
            }
            catch (OperationCanceledException) when (both.IsCancellationRequested)
            {
                // Leadership lost (another instance takes the work over) or the host is stopping.
            }
        }
    }
}
