using System.Collections.Concurrent;
using MailFromConsole.Core;
using MailFromConsole.Core.Ses;

namespace MailFromConsole.Web.Tests.Fakes;

/// <summary>
/// In-memory SES at the console's true edge (ISesClient): regional identities, MAIL FROM settings and notification
/// attributes, SES's own set-time rules, and a hook to fail the next call of an operation with an AWS error.
/// </summary>
public sealed class InMemorySes : ISesClient
{
    /// <summary>An identity as SES holds it; setting a property is a change SES made (or someone made elsewhere).</summary>
    public sealed class Identity(string name, VerificationStatus status, Action changed)
    {
        public string Name { get; } = name;

        public VerificationStatus Status { get => status; set { status = value; changed(); } }

        public string? Token { get; set { field = value; changed(); } }

        public IdentityMailFromDomainAttributes MailFrom { get; set { field = value; changed(); } } = new(null, null, BehaviorOnMxFailure.UseDefaultValue);

        public bool ForwardingEnabled { get; set { field = value; changed(); } } = true;

        public IdentityDkimAttributes Dkim { get; set { field = value; changed(); } } = new(false, VerificationStatus.NotStarted, []);
    }

    /// <summary>Raised with the region (null: every region) after anything changed there, failures to come included:
    /// the console's test edge brings its view up to date.</summary>
    public event Action<string?>? Changed;

    private readonly ConcurrentDictionary<(string Region, string Name), Identity> identities = new();
    private readonly ConcurrentDictionary<string, (Exception Error, string? Region)> failNext = new();

    /// <summary>Sizes of each GetIdentityMailFromDomainAttributes call, to check batching.</summary>
    public ConcurrentQueue<int> MailFromBatchSizes { get; } = new();

    public ConcurrentQueue<int> VerificationBatchSizes { get; } = new();

    public ConcurrentQueue<SendEmailRequest> SentEmails { get; } = new();

    private readonly ConcurrentDictionary<string, int> listIdentitiesCallsByRegion = new(StringComparer.Ordinal);

    /// <summary>The ListIdentities calls of every region.</summary>
    public int ListIdentitiesCalls => listIdentitiesCallsByRegion.Values.Sum();

    /// <summary>The ListIdentities calls of one region (the sweeper lists every configured region, each on its own).</summary>
    public int ListIdentitiesCallsIn(string region) => listIdentitiesCallsByRegion.GetValueOrDefault(region);

    public Identity Add(string region, string name, VerificationStatus status = VerificationStatus.Success)
    {
        var identity = new Identity(name, status, () => Changed?.Invoke(region));
        identities[(region, name)] = identity;
        Changed?.Invoke(region);
        return identity;
    }

    public Identity? Find(string region, string name) => identities.TryGetValue((region, name), out var i) ? i : null;

    /// <summary>The next call of <paramref name="operation"/> (e.g. "SetIdentityMailFromDomain"), in <paramref name="region"/> if given, throws this error.</summary>
    public void FailNext(string operation, string code, string message, string? region = null) =>
        FailNext(operation, new AwsServiceException("SES", code, message, 400, "req-test"), region);

    /// <summary>The next call of <paramref name="operation"/> throws <paramref name="exception"/> (e.g. a network error).</summary>
    public void FailNext(string operation, Exception exception, string? region = null)
    {
        failNext[operation] = (exception, region);
        Changed?.Invoke(region);
    }

    /// <summary>Every SES operation called, in order (a refused change must leave no trace here), apart from those off the record.</summary>
    public ConcurrentQueue<string> Calls { get; } = new();

    private static readonly AsyncLocal<bool> offTheRecord = new();

    /// <summary>
    /// Calls made until the handle is disposed (on this async flow) are answered but not counted in <see cref="Calls"/>,
    /// <see cref="ListIdentitiesCalls"/> or the batch sizes: the test edge's instant sweep, which the services' tests do not count.
    /// </summary>
    public static IDisposable OffTheRecord()
    {
        offTheRecord.Value = true;
        return new OnTheRecordAgain();
    }

    private sealed class OnTheRecordAgain : IDisposable
    {
        public void Dispose() => offTheRecord.Value = false;
    }

    private static bool Recorded => !offTheRecord.Value;

    private void Check(string operation, string region)
    {
        if (Recorded) Calls.Enqueue(operation);
        if (failNext.TryGetValue(operation, out var fault) && (fault.Region is null || fault.Region == region) && failNext.TryRemove(operation, out _)) throw fault.Error;
    }

    public Task<IdentityPage> ListIdentitiesAsync(string region, IdentityType? identityType, string? nextToken, int? maxItems, CancellationToken cancellationToken = default)
    {
        Check("ListIdentities", region);
        if (Recorded) listIdentitiesCallsByRegion.AddOrUpdate(region, 1, (_, n) => n + 1);
        var all = identities.Where(p => p.Key.Region == region)
            .Select(p => p.Key.Name)
            .Where(n => identityType is null || (identityType == IdentityType.EmailAddress) == n.Contains('@'))
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToList();
        var start = nextToken is null ? 0 : int.Parse(nextToken);
        var size = maxItems ?? 1000;
        var page = all.Skip(start).Take(size).ToList();
        var next = start + size < all.Count ? (start + size).ToString() : null;
        return Task.FromResult(new IdentityPage(page, next));
    }

    public Task<IReadOnlyDictionary<string, IdentityVerificationAttributes>> GetIdentityVerificationAttributesAsync(string region, IReadOnlyCollection<string> names, CancellationToken cancellationToken = default)
    {
        Check("GetIdentityVerificationAttributes", region);
        if (Recorded) VerificationBatchSizes.Enqueue(names.Count);
        IReadOnlyDictionary<string, IdentityVerificationAttributes> result = names
            .Select(n => Find(region, n))
            .OfType<Identity>()
            .ToDictionary(i => i.Name, i => new IdentityVerificationAttributes(i.Status, i.Token));
        return Task.FromResult(result);
    }

    public Task VerifyEmailIdentityAsync(string region, string emailAddress, CancellationToken cancellationToken = default)
    {
        Check("VerifyEmailIdentity", region);
        var identity = Find(region, emailAddress) ?? Add(region, emailAddress, VerificationStatus.Pending);
        identity.Status = VerificationStatus.Pending;
        return Task.CompletedTask;
    }

    public Task<string> VerifyDomainIdentityAsync(string region, string domain, CancellationToken cancellationToken = default)
    {
        Check("VerifyDomainIdentity", region);
        var identity = Find(region, domain) ?? Add(region, domain, VerificationStatus.Pending);
        identity.Status = VerificationStatus.Pending;
        identity.Token ??= $"token-{region}-{domain}";
        return Task.FromResult(identity.Token);
    }

    public Task DeleteIdentityAsync(string region, string identity, CancellationToken cancellationToken = default)
    {
        Check("DeleteIdentity", region);
        if (identities.TryRemove((region, identity), out _)) Changed?.Invoke(region);
        return Task.CompletedTask;
    }

    public Task SetIdentityMailFromDomainAsync(string region, string identity, string? mailFromDomain, BehaviorOnMxFailure? behaviorOnMxFailure, CancellationToken cancellationToken = default)
    {
        Check("SetIdentityMailFromDomain", region);
        var found = Find(region, identity) ?? throw new AwsServiceException("SES", "InvalidParameterValue", $"Identity '{identity}' does not exist.", 400, "req-test");
        found.MailFrom = mailFromDomain is null
            ? new IdentityMailFromDomainAttributes(null, null, BehaviorOnMxFailure.UseDefaultValue)
            : new IdentityMailFromDomainAttributes(mailFromDomain, CustomMailFromStatus.Pending, behaviorOnMxFailure ?? BehaviorOnMxFailure.UseDefaultValue);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyDictionary<string, IdentityMailFromDomainAttributes>> GetIdentityMailFromDomainAttributesAsync(string region, IReadOnlyCollection<string> names, CancellationToken cancellationToken = default)
    {
        Check("GetIdentityMailFromDomainAttributes", region);
        if (names.Count > 100) throw new AwsServiceException("SES", "InvalidParameterValue", "Too many identities.", 400, "req-test");
        if (Recorded) MailFromBatchSizes.Enqueue(names.Count);
        IReadOnlyDictionary<string, IdentityMailFromDomainAttributes> result = names
            .Select(n => Find(region, n))
            .OfType<Identity>()
            .ToDictionary(i => i.Name, i => i.MailFrom);
        return Task.FromResult(result);
    }

    public Task<IReadOnlyDictionary<string, IdentityDkimAttributes>> GetIdentityDkimAttributesAsync(string region, IReadOnlyCollection<string> names, CancellationToken cancellationToken = default)
    {
        Check("GetIdentityDkimAttributes", region);
        if (names.Count > 100) throw new AwsServiceException("SES", "InvalidParameterValue", "Too many identities.", 400, "req-test");
        IReadOnlyDictionary<string, IdentityDkimAttributes> result = names
            .Select(n => Find(region, n))
            .OfType<Identity>()
            .ToDictionary(i => i.Name, i => i.Dkim);
        return Task.FromResult(result);
    }

    public Task<IReadOnlyList<string>> VerifyDomainDkimAsync(string region, string domain, CancellationToken cancellationToken = default)
    {
        Check("VerifyDomainDkim", region);
        var identity = Find(region, domain) ?? throw new AwsServiceException("SES", "InvalidParameterValue", $"Identity '{domain}' does not exist.", 400, "req-test");
        var tokens = identity.Dkim.DkimTokens.Count > 0 ? identity.Dkim.DkimTokens : [$"{domain}-dkim1", $"{domain}-dkim2", $"{domain}-dkim3"];
        // As SES: verified records stay verified; anything else is checked again.
        identity.Dkim = new IdentityDkimAttributes(true, identity.Dkim.DkimVerificationStatus == VerificationStatus.Success ? VerificationStatus.Success : VerificationStatus.Pending, tokens);
        return Task.FromResult(tokens);
    }

    public Task SetIdentityDkimEnabledAsync(string region, string name, bool dkimEnabled, CancellationToken cancellationToken = default)
    {
        Check("SetIdentityDkimEnabled", region);
        var identity = Find(region, name) ?? throw new AwsServiceException("SES", "InvalidParameterValue", $"Identity '{name}' does not exist.", 400, "req-test");
        identity.Dkim = identity.Dkim with { DkimEnabled = dkimEnabled };
        return Task.CompletedTask;
    }

    public Task<IReadOnlyDictionary<string, IdentityNotificationAttributes>> GetIdentityNotificationAttributesAsync(string region, IReadOnlyCollection<string> names, CancellationToken cancellationToken = default)
    {
        Check("GetIdentityNotificationAttributes", region);
        IReadOnlyDictionary<string, IdentityNotificationAttributes> result = names
            .Select(n => Find(region, n))
            .OfType<Identity>()
            .ToDictionary(i => i.Name, i => new IdentityNotificationAttributes(null, null, null, i.ForwardingEnabled));
        return Task.FromResult(result);
    }

    public Task SetIdentityFeedbackForwardingEnabledAsync(string region, string identity, bool forwardingEnabled, CancellationToken cancellationToken = default)
    {
        Check("SetIdentityFeedbackForwardingEnabled", region);
        (Find(region, identity) ?? throw new AwsServiceException("SES", "InvalidParameterValue", $"Identity '{identity}' does not exist.", 400, "req-test"))
            .ForwardingEnabled = forwardingEnabled;
        return Task.CompletedTask;
    }

    public Task<string> SendEmailAsync(string region, SendEmailRequest request, CancellationToken cancellationToken = default)
    {
        Check("SendEmail", region);
        var domain = request.Source[(request.Source.IndexOf('@') + 1)..];
        var identity = Find(region, request.Source) ?? Find(region, domain)
            ?? throw new AwsServiceException("SES", "MessageRejected", $"Email address is not verified: {request.Source}", 400, "req-test");
        if (identity.MailFrom is { MailFromDomain: not null, BehaviorOnMxFailure: BehaviorOnMxFailure.RejectMessage } m && m.MailFromDomainStatus != CustomMailFromStatus.Success)
            throw new AwsServiceException("SES", "MailFromDomainNotVerifiedException", $"Custom MAIL FROM domain {m.MailFromDomain} is not verified.", 400, "req-test");
        SentEmails.Enqueue(request);
        return Task.FromResult($"msg-{SentEmails.Count}");
    }
}
