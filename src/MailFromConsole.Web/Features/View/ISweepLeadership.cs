namespace MailFromConsole.Web.Features.View;

/// <summary>
/// Only one console instance sweeps SES at a time (SES's limits are per account, not per instance). The returned token
/// is cancelled when this instance stops being the leader.
/// </summary>
public interface ISweepLeadership
{
    Task<CancellationToken> WaitUntilLeaderAsync(CancellationToken cancellationToken);
}
