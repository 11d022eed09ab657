using MailFromConsole.Web.Infrastructure.Auth;
using Microsoft.Extensions.Configuration;

namespace MailFromConsole.Web.Infrastructure.Storage;

/// <summary>Where the console keeps its own files (users, audit log, data-protection keys).</summary>
public static class ConsoleDataFolder
{
    /// <summary>
    /// <c>Auth:DataFolder</c>, else <c>DataFolder</c>, else <c>.data/console</c>. A relative path is taken from the
    /// content root (as the local AWS data folder is), or the working directory when there is none.
    /// </summary>
    public static string Resolve(IConfiguration configuration)
    {
        var configured = configuration[$"{ConsoleAuthOptions.Section}:DataFolder"];
        if (string.IsNullOrWhiteSpace(configured))
        {
            configured = configuration["DataFolder"];
        }
        if (string.IsNullOrWhiteSpace(configured))
        {
            configured = Path.Combine(".data", "console");
        }
        var root = configuration[HostDefaults.ContentRootKey];
        return string.IsNullOrWhiteSpace(root) ? Path.GetFullPath(configured) : Path.GetFullPath(configured, root);
    }
}
