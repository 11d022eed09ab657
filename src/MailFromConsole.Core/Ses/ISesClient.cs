namespace MailFromConsole.Core.Ses;

/// <summary>
/// The SES operations the console needs, one region per call. Implemented over the wire by
/// MailFromConsole.Aws (real AWS or the embedded local AWS). Failures surface as <see cref="AwsServiceException"/>.
/// </summary>
public interface ISesClient
{
    Task<IdentityPage> ListIdentitiesAsync(string region, IdentityType? identityType, string? nextToken, int? maxItems, CancellationToken cancellationToken = default);

    Task<IReadOnlyDictionary<string, IdentityVerificationAttributes>> GetIdentityVerificationAttributesAsync(string region, IReadOnlyCollection<string> identities, CancellationToken cancellationToken = default);

    Task VerifyEmailIdentityAsync(string region, string emailAddress, CancellationToken cancellationToken = default);

    /// <returns>The verification token to publish as TXT at <c>_amazonses.&lt;domain&gt;</c>.</returns>
    Task<string> VerifyDomainIdentityAsync(string region, string domain, CancellationToken cancellationToken = default);

    Task DeleteIdentityAsync(string region, string identity, CancellationToken cancellationToken = default);

    /// <param name="mailFromDomain">null disables the custom MAIL FROM domain.</param>
    Task SetIdentityMailFromDomainAsync(string region, string identity, string? mailFromDomain, BehaviorOnMxFailure? behaviorOnMxFailure, CancellationToken cancellationToken = default);

    /// <summary>Any number of identities; the client sends batches of at most 100.</summary>
    Task<IReadOnlyDictionary<string, IdentityMailFromDomainAttributes>> GetIdentityMailFromDomainAttributesAsync(string region, IReadOnlyCollection<string> identities, CancellationToken cancellationToken = default);

    /// <summary>Any number of identities; the client sends batches of at most 100.</summary>
    Task<IReadOnlyDictionary<string, IdentityDkimAttributes>> GetIdentityDkimAttributesAsync(string region, IReadOnlyCollection<string> identities, CancellationToken cancellationToken = default);

    /// <summary>Starts Easy DKIM for a domain (or returns its existing tokens).</summary>
    /// <returns>The three tokens: publish <c>&lt;token&gt;._domainkey.&lt;domain&gt;</c> CNAME <c>&lt;token&gt;.dkim.amazonses.com</c>.</returns>
    Task<IReadOnlyList<string>> VerifyDomainDkimAsync(string region, string domain, CancellationToken cancellationToken = default);

    /// <summary>Turns Easy DKIM signing on or off for an identity whose DKIM records are verified.</summary>
    Task SetIdentityDkimEnabledAsync(string region, string identity, bool dkimEnabled, CancellationToken cancellationToken = default);

    Task<IReadOnlyDictionary<string, IdentityNotificationAttributes>> GetIdentityNotificationAttributesAsync(string region, IReadOnlyCollection<string> identities, CancellationToken cancellationToken = default);

    Task SetIdentityFeedbackForwardingEnabledAsync(string region, string identity, bool forwardingEnabled, CancellationToken cancellationToken = default);

    /// <returns>The MessageId.</returns>
    Task<string> SendEmailAsync(string region, SendEmailRequest request, CancellationToken cancellationToken = default);
}
