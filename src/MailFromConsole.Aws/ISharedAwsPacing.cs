namespace MailFromConsole.Aws;

/// <summary>
/// AWS's limits are per account, not per process: when several console instances use one account, each request
/// also waits for its turn among all of them. The in-process limiter comes first (one request per key of this
/// process waits here at a time); then this decides when it may leave across instances. The default lets it leave
/// at once (one instance); the console registers a shared one when its instances share a PostgreSQL database.
/// </summary>
public interface ISharedAwsPacing
{
    /// <summary>
    /// Waits until a request under <paramref name="key"/> may leave: across every instance, at most
    /// <paramref name="burst"/> at once and then one per <paramref name="interval"/>. Takes the turn when it returns.
    /// </summary>
    /// <param name="key">The limit the request counts against, e.g. <c>ses|us-east-1|GetIdentityMailFromDomainAttributes</c>.</param>
    ValueTask WaitForTurnAsync(string key, TimeSpan interval, int burst, CancellationToken cancellationToken);
}
