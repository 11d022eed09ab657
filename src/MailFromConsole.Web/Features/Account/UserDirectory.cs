using MailFromConsole.Web.Infrastructure.Auth;
using Microsoft.Extensions.Options;

namespace MailFromConsole.Web.Features.Account;

/// <summary>All password users: those in configuration (which win on a name clash) and those stored in the console.</summary>
public sealed class UserDirectory
{
    // Verifying against this when the name is unknown makes unknown and known names take the same time.
    private static readonly Lazy<string> DecoyHash = new(() => ConsolePasswordHasher.Hash(Guid.NewGuid().ToString("N")));

    private readonly IReadOnlyDictionary<string, (ConsoleUser User, string Hash)> _configured;
    private readonly LocalUserStore _store;

    public UserDirectory(IOptions<ConsoleAuthOptions> options, LocalUserStore store)
    {
        _configured = ReadConfigured(options.Value.Users);
        _store = store;
    }

    public LocalUserStore Store => _store;

    public IEnumerable<ConsoleUser> ConfiguredUsers => _configured.Values.Select(entry => entry.User);

    public async Task<bool> AnyUsersAsync(CancellationToken cancellationToken = default) =>
        _configured.Count > 0 || await _store.CountAsync(cancellationToken) > 0;

    public async Task<ConsoleUser?> FindAsync(string name, CancellationToken cancellationToken = default)
    {
        if (_configured.TryGetValue(name, out var configured))
        {
            return configured.User;
        }
        var stored = await _store.FindAsync(name, cancellationToken);
        return stored is null ? null : new ConsoleUser(stored.Name, stored.Role, UserSource.Local);
    }

    /// <summary>The user when the password is right, else null (without saying whether the name exists).</summary>
    public async Task<ConsoleUser?> VerifyPasswordAsync(string name, string password, CancellationToken cancellationToken = default)
    {
        if (UserNames.ProblemWith(name) is not null)
        {
            ConsolePasswordHasher.Verify(DecoyHash.Value, password);
            return null;
        }
        if (_configured.TryGetValue(name, out var configured))
        {
            return ConsolePasswordHasher.Verify(configured.Hash, password) == PasswordCheck.Wrong ? null : configured.User;
        }
        var stored = await _store.FindAsync(name, cancellationToken);
        if (stored is null)
        {
            ConsolePasswordHasher.Verify(DecoyHash.Value, password);
            return null;
        }
        var check = ConsolePasswordHasher.Verify(stored.PasswordHash, password);
        if (check == PasswordCheck.RightButRehash)
        {
            await _store.RehashPasswordAsync(stored.Name, ConsolePasswordHasher.Hash(password), cancellationToken);
        }
        return check == PasswordCheck.Wrong ? null : new ConsoleUser(stored.Name, stored.Role, UserSource.Local);
    }

    private static Dictionary<string, (ConsoleUser, string)> ReadConfigured(IReadOnlyList<ConfiguredUser> users)
    {
        var result = new Dictionary<string, (ConsoleUser, string)>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < users.Count; i++)
        {
            var user = users[i];
            var key = $"{ConsoleAuthOptions.Section}:Users:{i}";
            if (UserNames.ProblemWith(user.Name) is { } nameProblem)
            {
                throw new InvalidOperationException($"{key}:Name '{user.Name}' is not a valid user name: {nameProblem}");
            }
            if (!ConsoleRoles.TryParse(user.Role, out var role))
            {
                throw new InvalidOperationException($"{key}:Role '{user.Role}' for user '{user.Name}' must be Viewer, Operator or Admin.");
            }
            if (!ConsolePasswordHasher.LooksLikeHash(user.PasswordHash))
            {
                throw new InvalidOperationException(
                    $"{key}:PasswordHash for user '{user.Name}' is not a password hash. Make one with " +
                    $"`dotnet run --project src/MailFromConsole.Web -- {PasswordHashCommand.Name}` (plain passwords are not accepted).");
            }
            if (!result.TryAdd(user.Name, (new ConsoleUser(user.Name, role, UserSource.Configuration), user.PasswordHash)))
            {
                throw new InvalidOperationException($"{key}:Name '{user.Name}' is configured twice.");
            }
        }
        return result;
    }
}
