namespace MailFromConsole.Web.Features.View;

/// <summary>One console on its own database (the SQLite default) is always the leader.</summary>
internal sealed class SingleInstanceLeadership : ISweepLeadership
{
    public Task<CancellationToken> WaitUntilLeaderAsync(CancellationToken cancellationToken) => Task.FromResult(CancellationToken.None);
}
