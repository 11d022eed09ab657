using MailFromConsole.Web.Infrastructure.Auth;

namespace MailFromConsole.Web.Features.Account;

/// <summary>The users page's changes to the console's own users (Admin only, audited).</summary>
public interface IUserAdministration
{
    Task<IReadOnlyList<UserListing>> ListAsync(CancellationToken cancellationToken = default);

    Task<UserChangeResult> AddAsync(string? name, ConsoleRole role, string? password, CancellationToken cancellationToken = default);

    Task<UserChangeResult> SetRoleAsync(string name, ConsoleRole role, CancellationToken cancellationToken = default);

    Task<UserChangeResult> ResetPasswordAsync(string name, string? password, CancellationToken cancellationToken = default);

    Task<UserChangeResult> DeleteAsync(string name, CancellationToken cancellationToken = default);
}
