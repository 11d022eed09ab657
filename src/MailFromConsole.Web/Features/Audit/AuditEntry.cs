namespace MailFromConsole.Web.Features.Audit;

/// <summary>One recorded change or sign-in event: who did what to which identity in which region, and how it ended.</summary>
public sealed record AuditEntry
{
    /// <summary>Assigned by the log when stored; 0 before.</summary>
    public long Id { get; init; }

    public required DateTimeOffset At { get; init; }

    public required string User { get; init; }

    /// <summary>AWS region, empty for events that have none (sign-in, users).</summary>
    public string Region { get; init; } = "";

    /// <summary>The SES identity (or user name for user events); empty when none.</summary>
    public string Identity { get; init; } = "";

    /// <summary>One of <see cref="AuditActions"/>.</summary>
    public required string Action { get; init; }

    public string? Before { get; init; }

    public string? After { get; init; }

    /// <summary>The Route 53 change id (<c>/change/C…</c>) when the action published records.</summary>
    public string? ChangeId { get; init; }

    /// <summary><see cref="AuditResults.Success"/> or the error code (e.g. an AWS error code such as <c>InvalidChangeBatch</c>).</summary>
    public required string Result { get; init; }

    /// <summary>The error message, or a short note.</summary>
    public string? Detail { get; init; }

    public bool Succeeded => Result == AuditResults.Success;
}

public static class AuditResults
{
    public const string Success = "Success";

    /// <summary>An intent entry: written before the AWS call, replaced by the outcome once it is known.</summary>
    public const string InProgress = "InProgress";

    /// <summary>The request was sent but no answer came (or the console stopped before it did): check AWS itself.</summary>
    public const string OutcomeUnknown = "OutcomeUnknown";

    /// <summary>An entry left open by a stopped console whose change, read back from AWS after the restart, had not been made.</summary>
    public const string NotApplied = "NotApplied";
}

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
