namespace MailFromConsole.Web.Features.Account;

public enum UserSource
{
    /// <summary>From <c>Auth:Users</c>: read-only in the console.</summary>
    Configuration,

    /// <summary>Created in the console (first-run setup or the users page), stored in SQLite.</summary>
    Local,

    /// <summary>Signed in through OpenID Connect; known only by its token.</summary>
    OpenIdConnect,
}
