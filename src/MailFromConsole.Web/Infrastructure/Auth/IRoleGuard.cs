namespace MailFromConsole.Web.Infrastructure.Auth;

/// <summary>Server-side check that application services call before every change.</summary>
public interface IRoleGuard
{
    /// <summary>Throws <see cref="NotAuthorizedException"/> unless the current user holds at least <paramref name="minimum"/>.</summary>
    void Require(ConsoleRole minimum);

    /// <summary>
    /// Like <see cref="Require"/>, by the user's record as stored now rather than the circuit's claims: a user signed
    /// out in another tab, deleted or demoted a moment ago is refused at once. Every change checks this.
    /// </summary>
    Task RequireNowAsync(ConsoleRole minimum, CancellationToken cancellationToken = default);
}
