namespace MailFromConsole.Core.Bulk;

public enum MailFromStep
{
    /// <summary>Send SetIdentityMailFromDomain.</summary>
    Send,

    /// <summary>SES already holds the wanted setting: nothing to send (after a restart: the lost answer was a success).</summary>
    AlreadySet,

    /// <summary>Someone changed the setting since the review: the row is skipped, not overwritten.</summary>
    ChangedMeanwhile,
}
