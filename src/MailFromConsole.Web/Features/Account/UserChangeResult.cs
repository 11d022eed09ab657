namespace MailFromConsole.Web.Features.Account;

/// <summary>The outcome of a user change, in words for the page.</summary>
public sealed record UserChangeResult(bool Succeeded, string Message)
{
    public static UserChangeResult Done(string message) => new(true, message);

    public static UserChangeResult Refused(string message) => new(false, message);
}
