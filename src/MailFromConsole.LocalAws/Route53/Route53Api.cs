using System.Globalization;
using System.Xml.Linq;
using MailFromConsole.Core.Route53;
using MailFromConsole.LocalAws.Store;
using MailFromConsole.LocalAws.Wire;

namespace MailFromConsole.LocalAws.Route53;

/// <summary>The Route 53 REST-XML operations (2013-04-01), each acting on the zones of the signing account.</summary>
internal sealed class Route53Api(ZoneRepository zones, TimeProvider time, TimeSpan propagationDelay)
{
    private readonly Route53Tags _tags = new(zones);

    public const string Prefix = "/2013-04-01/";

    private static readonly XNamespace Ns = AwsXml.Route53;

    private static readonly string[] NameServers =
        ["ns-1.awsdns-01.org.", "ns-2.awsdns-02.co.uk.", "ns-3.awsdns-03.net.", "ns-4.awsdns-04.com."];

    /// <summary>The operation name for a method and path (used for faults and rate limits), or null when unknown.</summary>
    public static string? OperationName(string method, string path)
    {
        var parts = path[Prefix.Length..].TrimEnd('/').Split('/');
        return (method, parts) switch
        {
            ("POST", ["hostedzone"]) => "CreateHostedZone",
            ("GET", ["hostedzone"]) => "ListHostedZones",
            ("GET", ["hostedzonesbyname"]) => "ListHostedZonesByName",
            ("GET", ["hostedzonecount"]) => "GetHostedZoneCount",
            ("GET", ["hostedzone", _]) => "GetHostedZone",
            ("POST", ["hostedzone", _]) => "UpdateHostedZoneComment",
            ("DELETE", ["hostedzone", _]) => "DeleteHostedZone",
            ("GET", ["hostedzone", _, "dnssec"]) => "GetDNSSEC",
            ("GET", ["hostedzone", _, "rrset"]) => "ListResourceRecordSets",
            ("POST", ["hostedzone", _, "rrset"]) => "ChangeResourceRecordSets",
            ("GET", ["change", _]) => "GetChange",
            ("GET", ["tags", _, _]) => "ListTagsForResource",
            ("POST", ["tags", _, _]) => "ChangeTagsForResource",
            ("POST", ["tags", _]) => "ListTagsForResources",
            _ => null,
        };
    }

    /// <param name="accountId">The account of the key that signed the request: another account's zone does not exist for it.</param>
    public WireResponse Handle(string operation, string accountId, string path, Func<string, string?> query, byte[] body)
    {
        var parts = path[Prefix.Length..].TrimEnd('/').Split('/');
        return operation switch
        {
            "CreateHostedZone" => CreateHostedZone(accountId, AwsXml.Parse(body)),
            "ListHostedZones" => ListHostedZones(accountId, query),
            "ListHostedZonesByName" => ListHostedZonesByName(accountId, query),
            "GetHostedZoneCount" => GetHostedZoneCount(accountId),
            "GetHostedZone" => GetHostedZone(accountId, parts[1]),
            "UpdateHostedZoneComment" => UpdateHostedZoneComment(accountId, parts[1], AwsXml.Parse(body)),
            "DeleteHostedZone" => DeleteHostedZone(accountId, parts[1]),
            "GetDNSSEC" => GetDnssec(accountId, parts[1]),
            "ListResourceRecordSets" => ListResourceRecordSets(accountId, parts[1], query),
            "ChangeResourceRecordSets" => ChangeResourceRecordSets(accountId, parts[1], AwsXml.Parse(body)),
            "GetChange" => GetChange(accountId, parts[1]),
            "ListTagsForResource" => _tags.List(accountId, parts[1], parts[2]),
            "ChangeTagsForResource" => _tags.Change(accountId, parts[1], parts[2], AwsXml.Parse(body)),
            "ListTagsForResources" => _tags.ListMany(accountId, parts[1], AwsXml.Parse(body)),
            _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "Not a Route 53 operation of OperationName."),
        };
    }

    /// <summary>Creates a public zone with Route 53's SOA and NS record sets; used by seeds and by the API.</summary>
    public (ZoneRow Zone, ChangeRow Change) CreateZone(string accountId, string name, string callerReference, string? comment, bool privateZone)
    {
        var zone = new ZoneRow(accountId, ResourceIds.New('Z'), name, callerReference, comment, privateZone, 2);
        RecordSetRow[] initial =
        [
            new(name, "SOA", 900, [$"{NameServers[0]} awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400"]),
            new(name, "NS", 172800, NameServers),
        ];
        var change = new ChangeRow(accountId, ResourceIds.New('C'), time.GetUtcNow(), null);
        if (!zones.CreateZone(zone, initial, change))
        {
            throw new AwsError(409, "HostedZoneAlreadyExists",
                $"A hosted zone has already been created with the specified caller reference: {callerReference}");
        }

        return (zone, change);
    }

    private WireResponse CreateHostedZone(string accountId, XDocument request)
    {
        var root = request.Root!;
        var rawName = (string?)root.Element(Ns + "Name");
        var callerReference = (string?)root.Element(Ns + "CallerReference");
        if (string.IsNullOrEmpty(callerReference))
        {
            throw AwsError.InvalidInput("Invalid request: CallerReference is required.");
        }

        var name = DnsNames.Normalize(rawName);
        if (name is null || name == ".")
        {
            throw new AwsError(400, "InvalidDomainName", $"{rawName} is not a valid domain name.");
        }

        var config = root.Element(Ns + "HostedZoneConfig");
        var isPrivate = root.Element(Ns + "VPC") is not null || (string?)config?.Element(Ns + "PrivateZone") == "true";
        var (zone, change) = CreateZone(accountId, name, callerReference, (string?)config?.Element(Ns + "Comment"), isPrivate);
        var document = new XDocument(new XElement(Ns + "CreateHostedZoneResponse",
            ZoneElement(zone), ChangeInfo(change), DelegationSet(zone)));
        return new WireResponse(201, document, $"https://route53.amazonaws.com/2013-04-01/hostedzone/{zone.Id}");
    }

    private WireResponse ListHostedZones(string accountId, Func<string, string?> query)
    {
        var max = MaxItems(query("maxitems"), 100);
        var ordered = Ordered(accountId);
        var marker = query("marker");
        var start = marker is null ? 0 : ordered.FindIndex(z => z.Id == StripPrefix(marker, "hostedzone"));
        if (start < 0)
        {
            // Our wording: a marker is a NextMarker this account returned, i.e. one of its zone ids.
            throw AwsError.InvalidInput($"Invalid request: marker '{marker}' is not a hosted zone of this account.");
        }

        var page = ordered.Skip(start).Take(max).ToList();
        var truncated = start + page.Count < ordered.Count;
        var document = new XDocument(new XElement(Ns + "ListHostedZonesResponse",
            new XElement(Ns + "HostedZones", page.Select(ZoneElement)),
            marker is null ? null : new XElement(Ns + "Marker", marker),
            new XElement(Ns + "IsTruncated", truncated ? "true" : "false"),
            truncated ? new XElement(Ns + "NextMarker", ordered[start + page.Count].Id) : null,
            new XElement(Ns + "MaxItems", max)));
        return WireResponse.Ok(document);
    }

    private WireResponse ListHostedZonesByName(string accountId, Func<string, string?> query)
    {
        var rawName = query("dnsname");
        var startId = query("hostedzoneid");
        var max = MaxItems(query("maxitems"), 100);
        string? startName = null;
        if (rawName is not null)
        {
            startName = DnsNames.Normalize(rawName) ?? throw new AwsError(400, "InvalidDomainName", $"{rawName} is not a valid domain name.");
        }
        else if (startId is not null)
        {
            throw AwsError.InvalidInput("Invalid request: HostedZoneId requires DNSName.");
        }

        // From the given name onward in reversed-label order, not only matches: callers compare names themselves.
        var from = Ordered(accountId).Where(z => startName is null || DnsNames.CompareReversed(z.Name, startName) > 0 ||
                                        (DnsNames.CompareReversed(z.Name, startName) == 0 &&
                                         (startId is null || string.CompareOrdinal(z.Id, startId) >= 0)))
            .ToList();
        var page = from.Take(max).ToList();
        var truncated = from.Count > page.Count;
        var document = new XDocument(new XElement(Ns + "ListHostedZonesByNameResponse",
            new XElement(Ns + "HostedZones", page.Select(ZoneElement)),
            startName is null ? null : new XElement(Ns + "DNSName", startName),
            startId is null ? null : new XElement(Ns + "HostedZoneId", startId),
            new XElement(Ns + "IsTruncated", truncated ? "true" : "false"),
            truncated ? new XElement(Ns + "NextDNSName", from[page.Count].Name) : null,
            truncated ? new XElement(Ns + "NextHostedZoneId", from[page.Count].Id) : null,
            new XElement(Ns + "MaxItems", max)));
        return WireResponse.Ok(document);
    }

    private WireResponse GetHostedZone(string accountId, string id)
    {
        var zone = FindZone(accountId, id);
        return WireResponse.Ok(new XDocument(new XElement(Ns + "GetHostedZoneResponse", ZoneElement(zone), DelegationSet(zone))));
    }

    private WireResponse GetHostedZoneCount(string accountId) =>
        WireResponse.Ok(new XDocument(new XElement(Ns + "GetHostedZoneCountResponse", new XElement(Ns + "HostedZoneCount", zones.Zones(accountId).Count))));

    private WireResponse UpdateHostedZoneComment(string accountId, string id, XDocument request)
    {
        var zone = FindZone(accountId, id);
        var comment = (string?)request.Root?.Element(Ns + "Comment");
        if (comment?.Length > 256)
        {
            throw AwsError.InvalidInput("Invalid request: Value at 'comment' failed to satisfy constraint: Member must have length less than or equal to 256");
        }

        // Route 53 keeps an empty comment when the element is sent empty and clears it when it is left out.
        zones.UpdateComment(zone.Id, comment);
        return WireResponse.Ok(new XDocument(new XElement(Ns + "UpdateHostedZoneCommentResponse", ZoneElement(FindZone(accountId, zone.Id)))));
    }

    private WireResponse DeleteHostedZone(string accountId, string id)
    {
        var zone = FindZone(accountId, id);
        var change = new ChangeRow(accountId, ResourceIds.New('C'), time.GetUtcNow(), null);
        if (!zones.DeleteZone(zone, change))
        {
            throw new AwsError(400, "HostedZoneNotEmpty",
                "The specified hosted zone contains non-required resource record sets and so cannot be deleted.");
        }

        return WireResponse.Ok(new XDocument(new XElement(Ns + "DeleteHostedZoneResponse", ChangeInfo(change))));
    }

    // The local Route 53 never signs zones: DNSSEC is NOT_SIGNING with no key-signing keys, as for a new zone.
    private WireResponse GetDnssec(string accountId, string id)
    {
        var zone = FindZone(accountId, id);
        if (zone.Private)
        {
            throw new AwsError(400, "InvalidArgument", "Operation is unsupported for private hosted zones.");
        }

        return WireResponse.Ok(new XDocument(new XElement(Ns + "GetDNSSECResponse",
            new XElement(Ns + "Status", new XElement(Ns + "ServeSignature", "NOT_SIGNING")),
            new XElement(Ns + "KeySigningKeys"))));
    }

    private WireResponse ListResourceRecordSets(string accountId, string id, Func<string, string?> query)
    {
        var zone = FindZone(accountId, id);
        var rawName = query("name");
        var startType = query("type");
        var max = MaxItems(query("maxitems"), 300);
        if (startType is not null && rawName is null)
        {
            throw AwsError.InvalidInput("Invalid request: StartRecordType requires StartRecordName.");
        }

        string? startName = null;
        if (rawName is not null)
        {
            startName = DnsNames.Normalize(rawName) ?? throw AwsError.InvalidInput($"Invalid request: {rawName} is not a valid name.");
        }

        var ordered = zones.RecordSets(zone.Id)
            .OrderBy(r => r.Name, Comparer<string>.Create(DnsNames.CompareReversed))
            .ThenBy(r => r.Type, StringComparer.Ordinal)
            .ToList();
        var from = ordered.Where(r => startName is null ||
                                      DnsNames.CompareReversed(r.Name, startName) > 0 ||
                                      (DnsNames.CompareReversed(r.Name, startName) == 0 &&
                                       (startType is null || string.CompareOrdinal(r.Type, startType) >= 0)))
            .ToList();
        var page = from.Take(max).ToList();
        var truncated = from.Count > page.Count;
        var document = new XDocument(new XElement(Ns + "ListResourceRecordSetsResponse",
            new XElement(Ns + "ResourceRecordSets", page.Select(RecordSetElement)),
            new XElement(Ns + "IsTruncated", truncated ? "true" : "false"),
            truncated ? new XElement(Ns + "NextRecordName", DnsNames.Display(from[page.Count].Name)) : null,
            truncated ? new XElement(Ns + "NextRecordType", from[page.Count].Type) : null,
            new XElement(Ns + "MaxItems", max)));
        return WireResponse.Ok(document);
    }

    private WireResponse ChangeResourceRecordSets(string accountId, string id, XDocument request)
    {
        var zone = FindZone(accountId, id);
        var batch = ChangeBatch.Parse(request);
        var change = new ChangeRow(accountId, ResourceIds.New('C'), time.GetUtcNow(), batch.Comment);
        zones.ApplyChange(zone.Id, current => ChangeBatchApplier.Apply(zone.Name, current, batch.Changes), change);
        return WireResponse.Ok(new XDocument(new XElement(Ns + "ChangeResourceRecordSetsResponse", ChangeInfo(change))));
    }

    private WireResponse GetChange(string accountId, string id)
    {
        var change = zones.FindChange(accountId, StripPrefix(id, "change"))
                     ?? throw new AwsError(404, "NoSuchChange", $"A change with the specified change ID does not exist: {id}");
        return WireResponse.Ok(new XDocument(new XElement(Ns + "GetChangeResponse", ChangeInfo(change))));
    }

    private ZoneRow FindZone(string accountId, string id) => FindZone(zones, accountId, id);

    /// <summary>
    /// The account's zone with this id (bare or <c>/hostedzone/…</c>), else Route 53's NoSuchHostedZone, which is
    /// also what AWS answers for another account's zone id.
    /// </summary>
    public static ZoneRow FindZone(ZoneRepository zones, string accountId, string id) =>
        zones.FindZone(accountId, StripPrefix(id, "hostedzone"))
        ?? throw new AwsError(404, "NoSuchHostedZone", $"No hosted zone found with ID: {id}");

    private List<ZoneRow> Ordered(string accountId) =>
        [.. zones.Zones(accountId)
            .OrderBy(z => z.Name, Comparer<string>.Create(DnsNames.CompareReversed))
            .ThenBy(z => z.Id, StringComparer.Ordinal)];

    private XElement ChangeInfo(ChangeRow change)
    {
        var inSync = time.GetUtcNow() >= change.SubmittedAt + propagationDelay;
        return new XElement(Ns + "ChangeInfo",
            new XElement(Ns + "Id", "/change/" + change.Id),
            new XElement(Ns + "Status", inSync ? "INSYNC" : "PENDING"),
            new XElement(Ns + "SubmittedAt", change.SubmittedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)),
            change.Comment is null ? null : new XElement(Ns + "Comment", change.Comment));
    }

    private static XElement ZoneElement(ZoneRow zone) =>
        new(Ns + "HostedZone",
            new XElement(Ns + "Id", "/hostedzone/" + zone.Id),
            new XElement(Ns + "Name", zone.Name),
            new XElement(Ns + "CallerReference", zone.CallerReference),
            new XElement(Ns + "Config",
                zone.Comment is null ? null : new XElement(Ns + "Comment", zone.Comment),
                new XElement(Ns + "PrivateZone", zone.Private ? "true" : "false")),
            new XElement(Ns + "ResourceRecordSetCount", zone.RecordSetCount));

    // Private zones have no delegation set (Route 53 answers their VPCs instead).
    private static XElement? DelegationSet(ZoneRow zone) => zone.Private
        ? null
        : new(Ns + "DelegationSet", new XElement(Ns + "NameServers", NameServers.Select(n => new XElement(Ns + "NameServer", n.TrimEnd('.')))));

    private static XElement RecordSetElement(RecordSetRow record) =>
        new(Ns + "ResourceRecordSet",
            new XElement(Ns + "Name", DnsNames.Display(record.Name)),
            new XElement(Ns + "Type", record.Type),
            new XElement(Ns + "TTL", record.Ttl),
            new XElement(Ns + "ResourceRecords", record.Values.Select(v => new XElement(Ns + "ResourceRecord", new XElement(Ns + "Value", v)))));

    private static int MaxItems(string? raw, int fallback)
    {
        if (raw is null)
        {
            return fallback;
        }

        return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var max) && max > 0
            ? Math.Min(max, fallback)
            : throw AwsError.InvalidInput($"Invalid request: MaxItems '{raw}' is not a positive number.");
    }

    public static string StripPrefix(string id, string kind)
    {
        var decoded = Uri.UnescapeDataString(id);
        var prefix = "/" + kind + "/";
        return decoded.StartsWith(prefix, StringComparison.Ordinal) ? decoded[prefix.Length..] : decoded;
    }
}
