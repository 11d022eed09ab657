using MailFromConsole.Core.Ses;
using MailFromConsole.Web.Infrastructure.Errors;

namespace MailFromConsole.Web.Features.MailFrom;

/// <summary>Setting, checking and disabling the custom MAIL FROM domain of an identity.</summary>
public interface IMailFromService
{
    /// <summary>The Core rules for the typed value; never throws, no AWS call (runs on every keystroke).</summary>
    MailFromCheck Validate(string identity, string? proposedMailFromDomain);

    /// <summary>The API reference's other two rules as warnings: feedback forwarding and a name that receives mail.</summary>
    Task<ServiceResult<IReadOnlyList<string>>> WarningsAsync(string region, string identity, string mailFromDomain, CancellationToken cancellationToken = default);

    /// <summary>Only the feedback-forwarding warning (one SES call), for callers that have already asked DNS.</summary>
    Task<ServiceResult<string?>> FeedbackForwardingWarningAsync(string region, string identity, string mailFromDomain, CancellationToken cancellationToken = default);

    Task<ServiceResult<MailFromDetails>> GetAsync(string region, string identity, CancellationToken cancellationToken = default);

    /// <summary>
    /// Validates with the Core rules, then SetIdentityMailFromDomain. With <paramref name="seen"/> (the setting the user
    /// saw when opening the dialog), nothing is written when SES's setting is no longer that one.
    /// </summary>
    Task<ServiceResult<MailFromDetails>> SetAsync(string region, string identity, string proposedMailFromDomain, BehaviorOnMxFailure behavior,
        IdentityMailFromDomainAttributes? seen = null, CancellationToken cancellationToken = default);

    /// <summary>Sets the same domain again, which restarts SES's detection window (after Failed).</summary>
    Task<ServiceResult<MailFromDetails>> RestartAsync(string region, string identity, CancellationToken cancellationToken = default);

    /// <summary>Removes the custom MAIL FROM domain; <paramref name="seen"/> as for <see cref="SetAsync"/>.</summary>
    Task<ServiceResult<MailFromDetails>> DisableAsync(string region, string identity, IdentityMailFromDomainAttributes? seen = null, CancellationToken cancellationToken = default);

    /// <summary>Sends a message from the identity and says which MAIL FROM it used (or SES's rejection).</summary>
    Task<ServiceResult<TestEmailOutcome>> SendTestEmailAsync(string region, string identity, string? recipient, CancellationToken cancellationToken = default);
}
