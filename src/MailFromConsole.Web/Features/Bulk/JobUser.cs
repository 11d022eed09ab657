using MailFromConsole.Web.Features.Account;
using MailFromConsole.Web.Infrastructure.Auth;

namespace MailFromConsole.Web.Features.Bulk;

/// <summary>
/// The user a job's changes run as: who started it, with the role stored for them now, so a starter demoted or
/// removed meanwhile has the rest of the job refused (and audited). With single sign-on, a user the console does not
/// store (the identity provider owns them) keeps the role they had when starting.
/// </summary>
internal sealed class JobUser(string name, ConsoleRole roleAtStart, UserDirectory directory, bool singleSignOn) : ICurrentUser, IRoleGuard
{
    public string? Name => name;

    public ConsoleRole? Role => roleAtStart;

    public bool Has(ConsoleRole minimum) => roleAtStart.Allows(minimum);

    public void Require(ConsoleRole minimum)
    {
        if (!Has(minimum)) throw new NotAuthorizedException(name, roleAtStart, minimum);
    }

    public async Task RequireNowAsync(ConsoleRole minimum, CancellationToken cancellationToken = default)
    {
        var stored = await directory.FindAsync(name, cancellationToken);
        if (stored is null && !singleSignOn) throw new NotAuthorizedException(name, null, minimum, signInEnded: true);
        var now = stored?.Role ?? roleAtStart;
        if (!now.Allows(minimum)) throw new NotAuthorizedException(name, now, minimum);
    }
}
