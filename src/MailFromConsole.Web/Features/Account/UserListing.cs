using MailFromConsole.Web.Infrastructure.Auth;

namespace MailFromConsole.Web.Features.Account;

/// <summary>A console user as the users page lists it.</summary>
public sealed record UserListing(string Name, ConsoleRole Role, UserSource Source, DateTimeOffset? CreatedAt, string? CreatedBy)
{
    /// <summary>Configured users are changed in configuration, not in the console.</summary>
    public bool IsEditable => Source == UserSource.Local;
}
