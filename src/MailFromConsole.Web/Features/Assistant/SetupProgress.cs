using MailFromConsole.Core.Diagnosis;
using MailFromConsole.Core.Ses;
using MailFromConsole.Web.Features.MailFrom;

namespace MailFromConsole.Web.Features.Assistant;

/// <summary>Where the setup stands: SES's status, what DNS shows, and what to do next, in plain words.</summary>
/// <param name="Diagnosis">The DNS diagnosis behind the items; null when DNS could not be asked.</param>
public sealed record SetupProgress(MailFromDetails Details, IReadOnlyList<CheckItem> Items, DnsDiagnosis? Diagnosis, string NextStep)
{
    public CustomMailFromStatus? Status => Details.Attributes.MailFromDomainStatus;
    public bool Finished => Status is CustomMailFromStatus.Success;
    public bool CanRestart => Status is CustomMailFromStatus.Failed;
}
