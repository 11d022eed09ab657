using MailFromConsole.Web.Features.Account;
using MailFromConsole.Web.Infrastructure.Auth;

namespace MailFromConsole.Web.Features.Bulk;

/// <summary>
/// The user a job's changes run as: who started it, with the role stored for them now, so a starter demoted or
/// removed meanwhile has the rest of the job refused (and audited). A user the console does not store (single
/// sign-on) keeps the role they had when starting.
/// </summary>
internal sealed class JobUser(string name, ConsoleRole roleAtStart, UserDirectory directory) : ICurrentUser, IRoleGuard
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
        var now = stored?.Role ?? roleAtStart;
        if (!now.Allows(minimum)) throw new NotAuthorizedException(name, now, minimum);
    }
}
