using MailFromConsole.Web.Features.Audit;
using MailFromConsole.Web.Infrastructure.Auth;

namespace MailFromConsole.Web.Features.Account;

/// <summary>
/// Adds, changes and removes the console's own users. Every call checks for the Admin role on the server, by the
/// caller's stored record (an Admin demoted a moment ago, whose open page still holds the old claims, is refused), and
/// every change is audited; at least one administrator always remains.
/// </summary>
public sealed class UserAdministration(UserDirectory directory, IRoleGuard guard, ICurrentUser current, IAuditTrail audit, UserChanges changes) : IUserAdministration
{
    private LocalUserStore Store => directory.Store;

    public async Task<IReadOnlyList<UserListing>> ListAsync(CancellationToken cancellationToken = default)
    {
        await guard.RequireNowAsync(ConsoleRole.Admin, cancellationToken);
        var configured = directory.ConfiguredUsers.Select(user => new UserListing(user.Name, user.Role, user.Source, null, "configuration"));
        var stored = (await Store.ListAsync(cancellationToken))
            .Where(user => !directory.ConfiguredUsers.Any(c => string.Equals(c.Name, user.Name, StringComparison.OrdinalIgnoreCase)))
            .Select(user => new UserListing(user.Name, user.Role, UserSource.Local, user.CreatedAt, user.CreatedBy));
        return configured.Concat(stored).OrderBy(user => user.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }

    public async Task<UserChangeResult> AddAsync(string? name, ConsoleRole role, string? password, CancellationToken cancellationToken = default)
    {
        await guard.RequireNowAsync(ConsoleRole.Admin, cancellationToken);
        name = (name ?? "").Trim();
        if ((UserNames.ProblemWith(name) ?? ConsolePasswordHasher.ProblemWith(password)) is { } problem)
        {
            return UserChangeResult.Refused(problem);
        }
        if (await directory.FindAsync(name, cancellationToken) is not null)
        {
            return UserChangeResult.Refused($"A user named '{name}' already exists.");
        }
        if (!await Store.AddAsync(name, role, ConsolePasswordHasher.Hash(password!), current.Name ?? "", cancellationToken))
        {
            return UserChangeResult.Refused($"A user named '{name}' already exists.");
        }
        await audit.RecordAsync(new AuditChange(AuditActions.CreateUser, "", name) { After = role.ToString() }, cancellationToken);
        return UserChangeResult.Done($"User '{name}' can now sign in as {role}.");
    }

    public async Task<UserChangeResult> SetRoleAsync(string name, ConsoleRole role, CancellationToken cancellationToken = default)
    {
        await guard.RequireNowAsync(ConsoleRole.Admin, cancellationToken);
        var (user, refusal) = await EditableAsync(name, cancellationToken);
        if (user is null)
        {
            return refusal!;
        }
        if (user.Role == role)
        {
            return UserChangeResult.Done($"{user.Name} already has the {role} role.");
        }
        if (user.Role == ConsoleRole.Admin && await AdministratorCountAsync(cancellationToken) <= 1)
        {
            return UserChangeResult.Refused($"{user.Name} is the only administrator; make another user Admin first.");
        }
        await Store.SetRoleAsync(user.Name, role, cancellationToken);
        await changes.PublishAsync(user.Name, cancellationToken);
        await audit.RecordAsync(new AuditChange(AuditActions.ChangeUserRole, "", user.Name) { Before = user.Role.ToString(), After = role.ToString() }, cancellationToken);
        return UserChangeResult.Done($"{user.Name} now has the {role} role. Their open pages are signed out; they sign in again with it.");
    }

    public async Task<UserChangeResult> ResetPasswordAsync(string name, string? password, CancellationToken cancellationToken = default)
    {
        await guard.RequireNowAsync(ConsoleRole.Admin, cancellationToken);
        var (user, refusal) = await EditableAsync(name, cancellationToken);
        if (user is null)
        {
            return refusal!;
        }
        if (ConsolePasswordHasher.ProblemWith(password) is { } problem)
        {
            return UserChangeResult.Refused(problem);
        }
        await Store.SetPasswordHashAsync(user.Name, ConsolePasswordHasher.Hash(password!), cancellationToken);
        await changes.PublishAsync(user.Name, cancellationToken);
        await audit.RecordAsync(new AuditChange(AuditActions.ResetUserPassword, "", user.Name), cancellationToken);
        return UserChangeResult.Done($"{user.Name}'s password is changed.");
    }

    public async Task<UserChangeResult> DeleteAsync(string name, CancellationToken cancellationToken = default)
    {
        await guard.RequireNowAsync(ConsoleRole.Admin, cancellationToken);
        var (user, refusal) = await EditableAsync(name, cancellationToken);
        if (user is null)
        {
            return refusal!;
        }
        if (string.Equals(user.Name, current.Name, StringComparison.OrdinalIgnoreCase))
        {
            return UserChangeResult.Refused("You cannot delete yourself.");
        }
        if (user.Role == ConsoleRole.Admin && await AdministratorCountAsync(cancellationToken) <= 1)
        {
            return UserChangeResult.Refused($"{user.Name} is the only administrator and cannot be deleted.");
        }
        await Store.DeleteAsync(user.Name, cancellationToken);
        await changes.PublishAsync(user.Name, cancellationToken);
        await audit.RecordAsync(new AuditChange(AuditActions.DeleteUser, "", user.Name) { Before = user.Role.ToString() }, cancellationToken);
        return UserChangeResult.Done($"{user.Name} is deleted and signed out.");
    }

    private async Task<(ConsoleUser? User, UserChangeResult? Refusal)> EditableAsync(string name, CancellationToken cancellationToken)
    {
        var user = await directory.FindAsync(name, cancellationToken);
        return user switch
        {
            null => (null, UserChangeResult.Refused($"There is no user named '{name}'.")),
            { Source: UserSource.Configuration } => (null, UserChangeResult.Refused(
                $"{user.Name} is configured in {ConsoleAuthOptions.Section}:Users (appsettings or environment); change it there.")),
            _ => (user, null),
        };
    }

    private async Task<int> AdministratorCountAsync(CancellationToken cancellationToken) =>
        directory.ConfiguredUsers.Count(user => user.Role == ConsoleRole.Admin)
        + (await Store.ListAsync(cancellationToken)).Count(user => user.Role == ConsoleRole.Admin);
}
