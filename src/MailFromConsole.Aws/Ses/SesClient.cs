using System.Globalization;
using System.Xml.Linq;
using MailFromConsole.Aws.Http;
using MailFromConsole.Core.Ses;
using Microsoft.Extensions.Options;
using M = MailFromConsole.Aws.Ses.SesWire.Members;
using Op = MailFromConsole.Aws.Ses.SesWire.Operations;

namespace MailFromConsole.Aws.Ses;

/// <summary>SES v1 over the Query API (form POST, XML answers), signed as service <c>ses</c> in the caller's region.</summary>
internal sealed class SesClient(HttpClient httpClient, IOptions<AwsClientOptions> options) : ISesClient
{
    internal const string ServiceName = "SES";

    public async Task<IdentityPage> ListIdentitiesAsync(string region, IdentityType? identityType, string? nextToken, int? maxItems, CancellationToken cancellationToken = default)
    {
        var query = new QueryRequest(Op.ListIdentities)
            .AddIfNotNull(M.IdentityType, identityType?.ToString())
            .AddIfNotNull(M.NextToken, nextToken)
            .AddIfNotNull(M.MaxItems, maxItems);
        var root = await CallAsync(region, query, cancellationToken).ConfigureAwait(false);
        var identities = root.Find(M.Identities)?.ChildrenNamed(SesWire.Protocol.ListMember).Select(e => e.Value).ToList() ?? [];
        var token = root.Find(M.NextToken)?.Value;
        return new IdentityPage(identities, string.IsNullOrEmpty(token) ? null : token);
    }

    public Task<IReadOnlyDictionary<string, IdentityVerificationAttributes>> GetIdentityVerificationAttributesAsync(string region, IReadOnlyCollection<string> identities, CancellationToken cancellationToken = default) =>
        GetInBatchesAsync(region, Op.GetIdentityVerificationAttributes, M.VerificationAttributes, identities, value =>
            new IdentityVerificationAttributes(
                AwsCall.ParseEnum<VerificationStatus>(ServiceName, value.ChildValue(M.VerificationStatus)),
                value.ChildValue(M.VerificationToken)), cancellationToken);

    public async Task VerifyEmailIdentityAsync(string region, string emailAddress, CancellationToken cancellationToken = default) =>
        await CallAsync(region, new QueryRequest(Op.VerifyEmailIdentity).Add(M.EmailAddress, emailAddress), cancellationToken).ConfigureAwait(false);

    public async Task<string> VerifyDomainIdentityAsync(string region, string domain, CancellationToken cancellationToken = default)
    {
        var root = await CallAsync(region, new QueryRequest(Op.VerifyDomainIdentity).Add(M.Domain, domain), cancellationToken).ConfigureAwait(false);
        return root.Find(M.VerificationToken)?.Value
            ?? throw AwsCall.InvalidResponse(ServiceName, "VerifyDomainIdentity returned no VerificationToken", null);
    }

    public async Task DeleteIdentityAsync(string region, string identity, CancellationToken cancellationToken = default) =>
        await CallAsync(region, new QueryRequest(Op.DeleteIdentity).Add(M.Identity, identity), cancellationToken).ConfigureAwait(false);

    public async Task SetIdentityMailFromDomainAsync(string region, string identity, string? mailFromDomain, BehaviorOnMxFailure? behaviorOnMxFailure, CancellationToken cancellationToken = default)
    {
        // SES disables the custom MAIL FROM domain when the parameter is absent, so null is simply left out.
        var query = new QueryRequest(Op.SetIdentityMailFromDomain)
            .Add(M.Identity, identity)
            .AddIfNotNull(M.MailFromDomain, mailFromDomain)
            .AddIfNotNull(M.BehaviorOnMxFailure, behaviorOnMxFailure?.ToString());
        await CallAsync(region, query, cancellationToken).ConfigureAwait(false);
    }

    public Task<IReadOnlyDictionary<string, IdentityMailFromDomainAttributes>> GetIdentityMailFromDomainAttributesAsync(string region, IReadOnlyCollection<string> identities, CancellationToken cancellationToken = default) =>
        GetInBatchesAsync(region, Op.GetIdentityMailFromDomainAttributes, M.MailFromDomainAttributes, identities, value =>
        {
            var domain = value.ChildValue(M.MailFromDomain);
            var status = value.ChildValue(M.MailFromDomainStatus);
            var behavior = value.ChildValue(M.BehaviorOnMxFailure);
            return new IdentityMailFromDomainAttributes(
                string.IsNullOrEmpty(domain) ? null : domain,
                string.IsNullOrEmpty(status) ? null : AwsCall.ParseEnum<CustomMailFromStatus>(ServiceName, status),
                string.IsNullOrEmpty(behavior) ? BehaviorOnMxFailure.UseDefaultValue : AwsCall.ParseEnum<BehaviorOnMxFailure>(ServiceName, behavior));
        }, cancellationToken);

    public Task<IReadOnlyDictionary<string, IdentityDkimAttributes>> GetIdentityDkimAttributesAsync(string region, IReadOnlyCollection<string> identities, CancellationToken cancellationToken = default) =>
        GetInBatchesAsync(region, Op.GetIdentityDkimAttributes, M.DkimAttributes, identities, value =>
            new IdentityDkimAttributes(
                // The model's default is true: only an explicit "false" means signing is off.
                !string.Equals(value.ChildValue(M.DkimEnabled), "false", StringComparison.OrdinalIgnoreCase),
                AwsCall.ParseEnum<VerificationStatus>(ServiceName, value.ChildValue(M.DkimVerificationStatus)),
                value.Child(M.DkimTokens)?.ChildrenNamed(SesWire.Protocol.ListMember).Select(e => e.Value).ToList() ?? []), cancellationToken);

    public async Task<IReadOnlyList<string>> VerifyDomainDkimAsync(string region, string domain, CancellationToken cancellationToken = default)
    {
        var root = await CallAsync(region, new QueryRequest(Op.VerifyDomainDkim).Add(M.Domain, domain), cancellationToken).ConfigureAwait(false);
        var tokens = root.Find(M.DkimTokens)?.ChildrenNamed(SesWire.Protocol.ListMember).Select(e => e.Value).ToList();
        return tokens is { Count: > 0 } ? tokens : throw AwsCall.InvalidResponse(ServiceName, "VerifyDomainDkim returned no DkimTokens", null);
    }

    public async Task SetIdentityDkimEnabledAsync(string region, string identity, bool dkimEnabled, CancellationToken cancellationToken = default) =>
        await CallAsync(region, new QueryRequest(Op.SetIdentityDkimEnabled).Add(M.Identity, identity).Add(M.DkimEnabled, dkimEnabled), cancellationToken).ConfigureAwait(false);

    public Task<IReadOnlyDictionary<string, IdentityNotificationAttributes>> GetIdentityNotificationAttributesAsync(string region, IReadOnlyCollection<string> identities, CancellationToken cancellationToken = default) =>
        GetInBatchesAsync(region, Op.GetIdentityNotificationAttributes, M.NotificationAttributes, identities, value =>
            new IdentityNotificationAttributes(
                NullIfEmpty(value.ChildValue(M.BounceTopic)),
                NullIfEmpty(value.ChildValue(M.ComplaintTopic)),
                NullIfEmpty(value.ChildValue(M.DeliveryTopic)),
                string.Equals(value.ChildValue(M.ForwardingEnabled), "true", StringComparison.OrdinalIgnoreCase)), cancellationToken);

    public async Task SetIdentityFeedbackForwardingEnabledAsync(string region, string identity, bool forwardingEnabled, CancellationToken cancellationToken = default)
    {
        var query = new QueryRequest(Op.SetIdentityFeedbackForwardingEnabled).Add(M.Identity, identity).Add(M.ForwardingEnabled, forwardingEnabled);
        await CallAsync(region, query, cancellationToken).ConfigureAwait(false);
    }

    public async Task<string> SendEmailAsync(string region, SendEmailRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        const string utf8 = "UTF-8";
        var query = new QueryRequest(Op.SendEmail)
            .Add(M.Source, request.Source)
            .AddList(QueryRequest.Path(M.Destination, M.ToAddresses), request.ToAddresses)
            .Add(QueryRequest.Path(M.Message, M.Subject, M.Data), request.Subject)
            .Add(QueryRequest.Path(M.Message, M.Subject, M.Charset), utf8)
            .Add(QueryRequest.Path(M.Message, M.Body, M.Text, M.Data), request.TextBody)
            .Add(QueryRequest.Path(M.Message, M.Body, M.Text, M.Charset), utf8);
        var root = await CallAsync(region, query, cancellationToken).ConfigureAwait(false);
        return root.Find(M.MessageId)?.Value ?? throw AwsCall.InvalidResponse(ServiceName, "SendEmail returned no MessageId", null);
    }

    /// <summary>Get…Attributes calls take at most 100 identities: send as many calls as needed, one after the other.</summary>
    private async Task<IReadOnlyDictionary<string, T>> GetInBatchesAsync<T>(
        string region, string action, string mapName, IReadOnlyCollection<string> identities, Func<XElement, T> readValue, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identities);
        var result = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var batch in identities.Distinct(StringComparer.Ordinal).Chunk(SesWire.MaxIdentitiesPerCall))
        {
            var root = await CallAsync(region, new QueryRequest(action).AddList(M.Identities, batch), cancellationToken).ConfigureAwait(false);
            foreach (var (key, value) in ReadMap(root, mapName))
                result[key] = readValue(value);
        }
        return result;
    }

    /// <summary>A Query-protocol map: <c>&lt;Name&gt;&lt;entry&gt;&lt;key/&gt;&lt;value/&gt;&lt;/entry&gt;…</c>.</summary>
    private static IEnumerable<(string Key, XElement Value)> ReadMap(XElement root, string mapName)
    {
        var map = root.Find(mapName);
        if (map is null)
            yield break;
        foreach (var entry in map.ChildrenNamed(SesWire.Protocol.MapEntry))
        {
            var key = entry.ChildValue(SesWire.Protocol.MapKey);
            var value = entry.Child(SesWire.Protocol.MapValue);
            if (key is null || value is null)
                throw AwsCall.InvalidResponse(ServiceName, $"{mapName} entry without key or value", null);
            yield return (key, value);
        }
    }

    private async Task<XElement> CallAsync(string region, QueryRequest query, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, EndpointFor(region, options.Value)) { Content = query.ToContent() };
        new AwsOperation(SesWire.SigningName, region, query.Action, region).AttachTo(request);
        return await AwsCall.SendAsync(httpClient, request, ServiceName, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The override if configured (one endpoint serves every region; the signature carries the region), else SES's regional endpoint.</summary>
    internal static Uri EndpointFor(string region, AwsClientOptions options)
    {
        AwsCall.ValidateRegion(region);
        return options.SesServiceUrl ?? new UriBuilder(Uri.UriSchemeHttps, string.Create(CultureInfo.InvariantCulture, $"email.{region}.amazonaws.com")).Uri;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
