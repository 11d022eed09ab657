namespace MailFromConsole.Web.Features.Audit;

/// <summary>The action names the console records.</summary>
public static class AuditActions
{
    public const string SetMailFromDomain = "SetMailFromDomain";
    public const string DisableMailFromDomain = "DisableMailFromDomain";
    public const string SetBehaviorOnMxFailure = "SetBehaviorOnMxFailure";
    public const string PublishRecords = "PublishRecords";
    public const string VerifyEmailIdentity = "VerifyEmailIdentity";
    public const string VerifyDomainIdentity = "VerifyDomainIdentity";
    public const string DeleteIdentity = "DeleteIdentity";
    public const string SendTestEmail = "SendTestEmail";
    public const string EnableEasyDkim = "EnableEasyDkim";
    public const string SignIn = "SignIn";
    public const string SignInFailed = "SignInFailed";
    public const string SignOut = "SignOut";
    public const string CreateFirstAdmin = "CreateFirstAdmin";
    public const string CreateUser = "CreateUser";
    public const string DeleteUser = "DeleteUser";
    public const string ChangeUserRole = "ChangeUserRole";
    public const string ResetUserPassword = "ResetUserPassword";

    /// <summary>Noticed by the account view's sweep: made with the aws CLI, Terraform or another console.</summary>
    public const string ChangedOutsideTheConsole = "ChangedOutsideTheConsole";
}
