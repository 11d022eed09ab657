namespace MailFromConsole.Web.Features.Audit;

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
