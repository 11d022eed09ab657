using System.Globalization;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using MailFromConsole.Aws.Http;
using MailFromConsole.Core.Route53;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using E = MailFromConsole.Aws.Route53.Route53Wire.Elements;
using Op = MailFromConsole.Aws.Route53.Route53Wire.Operations;
using Q = MailFromConsole.Aws.Route53.Route53Wire.QueryParameters;

namespace MailFromConsole.Aws.Route53;

/// <summary>Route 53 over REST-XML, signed as <c>route53</c> in us-east-1 (the service is global).</summary>
internal sealed partial class Route53Client : IRoute53Client
{
    internal const string ServiceName = "Route53";
    private static readonly Uri DefaultEndpoint = new("https://route53.amazonaws.com/");

    private readonly HttpClient httpClient;
    private readonly IOptions<AwsClientOptions> options;
    private readonly IAwsCredentialsProvider? credentials;

    [ActivatorUtilitiesConstructor]
    public Route53Client(HttpClient httpClient, IOptions<AwsClientOptions> options)
        : this(httpClient, options, null)
    {
    }

    /// <param name="credentials">A role in another account (<see cref="Route53AccountDirectory"/>); null: the console's own credentials.</param>
    public Route53Client(HttpClient httpClient, IOptions<AwsClientOptions> options, IAwsCredentialsProvider? credentials)
    {
        this.httpClient = httpClient;
        this.options = options;
        this.credentials = credentials;
    }

    public async Task<HostedZonesPage> ListHostedZonesByNameAsync(string? dnsName, string? hostedZoneId, int? maxItems, CancellationToken cancellationToken = default)
    {
        var query = new List<KeyValuePair<string, string>>();
        AddIfNotNull(query, Q.DnsName, dnsName);
        AddIfNotNull(query, Q.HostedZoneId, hostedZoneId is null ? null : BareId(hostedZoneId, Route53Wire.HostedZoneIdPrefix));
        AddIfNotNull(query, Q.MaxItems, maxItems?.ToString(CultureInfo.InvariantCulture));
        var root = await GetAsync(Op.ListHostedZonesByName, Route53Wire.RequestUris.ListHostedZonesByName, query, cancellationToken).ConfigureAwait(false);

        var zones = root.Child(E.HostedZones)?.ChildrenNamed(E.HostedZone).Select(ReadHostedZone).ToList() ?? [];
        var nextHostedZoneId = root.ChildValue(E.NextHostedZoneId);
        return new HostedZonesPage(
            zones,
            IsTrue(root.ChildValue(E.IsTruncated)),
            root.ChildValue(E.NextDnsName),
            nextHostedZoneId is null ? null : BareId(nextHostedZoneId, Route53Wire.HostedZoneIdPrefix));
    }

    public async Task<HostedZone?> FindPublicHostedZoneAsync(string domainName, CancellationToken cancellationToken = default)
    {
        var labels = DnsNames.Labels(domainName);
        // ListHostedZonesByName lists from a name onward in reversed-label order, so a parent zone is not found by
        // asking for the child: ask for each candidate name, deepest first, and compare names exactly.
        for (var skip = 0; skip < labels.Count; skip++)
        {
            var candidate = DnsNames.Absolute(labels.Skip(skip));
            var zone = await FindPublicZoneNamedAsync(candidate, cancellationToken).ConfigureAwait(false);
            if (zone is not null)
                return zone;
        }
        return null;
    }

    public async Task<IReadOnlyList<ResourceRecordSet>> ListResourceRecordSetsAsync(string hostedZoneId, string? startRecordName, string? startRecordType, CancellationToken cancellationToken = default)
    {
        if (startRecordType is not null && startRecordName is null)
            throw new ArgumentException("Route 53 needs a start record name when a start type is given.", nameof(startRecordType));
        var path = WithId(Route53Wire.RequestUris.ListResourceRecordSets, BareId(hostedZoneId, Route53Wire.HostedZoneIdPrefix));
        var followPages = startRecordName is null;
        var result = new List<ResourceRecordSet>();
        string? nextName = startRecordName;
        string? nextType = startRecordType;
        while (true)
        {
            var query = new List<KeyValuePair<string, string>>();
            AddIfNotNull(query, Q.StartRecordName, nextName);
            AddIfNotNull(query, Q.StartRecordType, nextType);
            var root = await GetAsync(Op.ListResourceRecordSets, path, query, cancellationToken).ConfigureAwait(false);
            result.AddRange(root.Child(E.ResourceRecordSets)?.ChildrenNamed(E.ResourceRecordSet).Select(ReadRecordSet) ?? []);
            if (!followPages || !IsTrue(root.ChildValue(E.IsTruncated)))
                return result;
            nextName = root.ChildValue(E.NextRecordName) ?? throw AwsCall.InvalidResponse(ServiceName, "truncated page without NextRecordName", null);
            nextType = root.ChildValue(E.NextRecordType);
        }
    }

    public async Task<ChangeInfo> ChangeResourceRecordSetsAsync(string hostedZoneId, IReadOnlyList<RecordSetChange> changes, string? comment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0)
            throw new ArgumentException("A change batch needs at least one change.", nameof(changes));
        var path = WithId(Route53Wire.RequestUris.ChangeResourceRecordSets, BareId(hostedZoneId, Route53Wire.HostedZoneIdPrefix));
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint(path, []));
        var content = new ByteArrayContent(ChangeBatchXml.Write(changes, comment));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
        request.Content = content;
        var root = await SendAsync(request, Op.ChangeResourceRecordSets, cancellationToken).ConfigureAwait(false);
        return ReadChangeInfo(root);
    }

    public async Task<ChangeInfo> GetChangeAsync(string changeId, CancellationToken cancellationToken = default)
    {
        var path = WithId(Route53Wire.RequestUris.GetChange, BareId(changeId, Route53Wire.ChangeIdPrefix));
        var root = await GetAsync(Op.GetChange, path, [], cancellationToken).ConfigureAwait(false);
        return ReadChangeInfo(root);
    }

    private async Task<HostedZone?> FindPublicZoneNamedAsync(string name, CancellationToken cancellationToken)
    {
        string? dnsName = name;
        string? zoneId = null;
        while (true)
        {
            var page = await ListHostedZonesByNameAsync(dnsName, zoneId, maxItems: null, cancellationToken).ConfigureAwait(false);
            foreach (var zone in page.HostedZones)
            {
                // Zones come sorted from the name onward: the first other name ends the search for this one.
                if (!DnsNames.SameName(zone.Name, name))
                    return null;
                if (!zone.PrivateZone)
                    return zone;
            }
            if (!page.IsTruncated || page.NextDnsName is null)
                return null;
            dnsName = page.NextDnsName;
            zoneId = page.NextHostedZoneId;
        }
    }

    private static HostedZone ReadHostedZone(XElement zone) => new(
        BareId(Required(zone, E.Id), Route53Wire.HostedZoneIdPrefix),
        DnsNames.Canonical(Route53Escapes.Decode(Required(zone, E.Name))),
        IsTrue(zone.Child(E.Config)?.ChildValue(E.PrivateZone)),
        long.TryParse(zone.ChildValue(E.ResourceRecordSetCount), NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) ? count : 0);

    private static ResourceRecordSet ReadRecordSet(XElement set)
    {
        var type = Required(set, E.Type);
        var values = set.Child(E.ResourceRecords)?.ChildrenNamed(E.ResourceRecord)
            .Select(r => r.ChildValue(E.Value) ?? "")
            .Select(v => TxtRecordValues.AppliesTo(type) ? TxtRecordValues.FromWire(v) : v)
            .ToList() ?? [];
        var ttl = long.TryParse(set.ChildValue(E.Ttl), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
        return new ResourceRecordSet(DnsNames.Canonical(Route53Escapes.Decode(Required(set, E.Name))), type, ttl, values);
    }

    private static ChangeInfo ReadChangeInfo(XElement root)
    {
        var info = root.Child(E.ChangeInfo) ?? throw AwsCall.InvalidResponse(ServiceName, "no ChangeInfo", null);
        var status = Required(info, E.Status) switch
        {
            Route53Wire.EnumValues.Pending => ChangeStatus.Pending,
            Route53Wire.EnumValues.InSync => ChangeStatus.InSync,
            var other => throw AwsCall.InvalidResponse(ServiceName, $"unexpected change status '{other}'", null),
        };
        var submittedAt = DateTimeOffset.TryParse(Required(info, E.SubmittedAt), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at
            : throw AwsCall.InvalidResponse(ServiceName, "unreadable SubmittedAt", null);
        return new ChangeInfo(BareId(Required(info, E.Id), Route53Wire.ChangeIdPrefix), status, submittedAt, info.ChildValue(E.Comment));
    }

    private static string Required(XElement element, string name) =>
        element.ChildValue(name) ?? throw AwsCall.InvalidResponse(ServiceName, $"{element.Name.LocalName} without {name}", null);

    private static bool IsTrue(string? value) => string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Accepts an id with or without its wire prefix and returns the bare id, refusing anything that could change the path.</summary>
    internal static string BareId(string id, string prefix)
    {
        ArgumentNullException.ThrowIfNull(id);
        var bare = id.StartsWith(prefix, StringComparison.Ordinal) ? id[prefix.Length..] : id;
        return IdPattern().IsMatch(bare) ? bare : throw new ArgumentException($"'{id}' is not a Route 53 id.", nameof(id));
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    private static string WithId(string template, string bareId) => template.Replace("{Id}", Uri.EscapeDataString(bareId), StringComparison.Ordinal);

    private static void AddIfNotNull(List<KeyValuePair<string, string>> query, string name, string? value)
    {
        if (value is not null)
            query.Add(new(name, WireText.Require(value, name)));
    }

    private Uri Endpoint(string path, IReadOnlyList<KeyValuePair<string, string>> query)
    {
        var baseUri = options.Value.Route53ServiceUrl ?? DefaultEndpoint;
        var builder = new UriBuilder(baseUri) { Path = baseUri.AbsolutePath.TrimEnd('/') + path };
        builder.Query = string.Join('&', query.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
        return builder.Uri;
    }

    private async Task<XElement> GetAsync(string operation, string path, IReadOnlyList<KeyValuePair<string, string>> query, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Endpoint(path, query));
        return await SendAsync(request, operation, cancellationToken).ConfigureAwait(false);
    }

    private Task<XElement> SendAsync(HttpRequestMessage request, string operation, CancellationToken cancellationToken)
    {
        new AwsOperation(Route53Wire.SigningName, Route53Wire.SigningRegion, operation, null) { Credentials = credentials }.AttachTo(request);
        return AwsCall.SendAsync(httpClient, request, ServiceName, cancellationToken);
    }
}
