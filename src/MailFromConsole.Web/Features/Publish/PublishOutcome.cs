using MailFromConsole.Core.Route53;

namespace MailFromConsole.Web.Features.Publish;

/// <summary>Result of applying a preview: the change, or (when the records moved meanwhile) a fresh preview.</summary>
/// <param name="Message">In plain words, for the page.</param>
public sealed record PublishOutcome(ChangeInfo? Change, PublishPreview? ReloadedPreview, string Message)
{
    /// <summary>Route 53's own words, for those who open the details.</summary>
    public string? Details { get; init; }

    /// <summary>The account whose zone was changed: its Route 53 alone knows the change id.</summary>
    public Route53Account? Account { get; init; }

    public bool Conflict => ReloadedPreview is not null;
}
