using MailFromConsole.Web.Infrastructure.Cluster;

namespace MailFromConsole.Web.Infrastructure.Auth;

/// <summary>
/// "This user's rights changed" (signed out, deleted, role or password changed), told to every console instance, so
/// each open circuit of that user checks its sign-in again at once instead of at its next revalidation.
/// </summary>
public sealed class UserChanges(IChangeNotifications notifications, ILogger<UserChanges> logger)
{
    public const string Topic = "console-users";

    /// <summary>Tells every instance; the change is already stored, so a lost message only delays the circuits to their revalidation.</summary>
    public async Task PublishAsync(string userName, CancellationToken cancellationToken = default)
    {
        try
        {
            await notifications.PublishAsync(Topic, userName.ToUpperInvariant(), cancellationToken);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            logger.LogError(ex, "Could not tell the other instances that {User}'s rights changed; their circuits follow at revalidation", userName);
        }
    }

    /// <summary>Calls <paramref name="handler"/> with the user's name (upper-case) on a background thread.</summary>
    public IDisposable Subscribe(Action<string> handler) => notifications.Subscribe(Topic, handler);
}
