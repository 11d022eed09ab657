using MailFromConsole.Web.Features.Audit;

namespace MailFromConsole.Web.Infrastructure.Changes;

/// <summary>A change the gate is running: the action fills in what it learns (the state it read before, the change id, the state after).</summary>
public sealed class ChangeInProgress(AuditChange entry)
{
    /// <summary>What the gate writes into the intent entry when the action ends.</summary>
    public AuditChange Entry { get; set; } = entry;
}
