namespace MailFromConsole.Web.Infrastructure.Auth;

public enum PasswordCheck
{
    Wrong,
    Right,
    RightButRehash,
}
