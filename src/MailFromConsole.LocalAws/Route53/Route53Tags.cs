using System.Xml.Linq;
using MailFromConsole.LocalAws.Store;
using MailFromConsole.LocalAws.Wire;

namespace MailFromConsole.LocalAws.Route53;

/// <summary>Route 53's tag operations (ListTagsForResource(s), ChangeTagsForResource) for hosted zones.</summary>
internal sealed class Route53Tags(ZoneRepository zones)
{
    private const string HostedZone = "hostedzone";
    private const string HealthCheck = "healthcheck";

    // The model's limits (TagList, TagKeyList, TagResourceIdList: 1 to 10 members; TagKey 128, TagValue 256 characters).
    private const int MaxMembers = 10;
    private const int MaxKeyLength = 128;
    private const int MaxValueLength = 256;

    private static readonly XNamespace Ns = AwsXml.Route53;

    public WireResponse List(string accountId, string resourceType, string resourceId)
    {
        var zone = FindResource(accountId, resourceType, resourceId);
        return WireResponse.Ok(new XDocument(new XElement(Ns + "ListTagsForResourceResponse", TagSet(zone))));
    }

    public WireResponse ListMany(string accountId, string resourceType, XDocument request)
    {
        var ids = request.Root?.Element(Ns + "ResourceIds")?.Elements(Ns + "ResourceId").Select(e => e.Value).ToList() ?? [];
        if (ids.Count is 0 or > MaxMembers)
        {
            throw AwsError.InvalidInput($"Invalid request: ResourceIds must list 1 to {MaxMembers} resource ids.");
        }

        var sets = ids.Select(id => TagSet(FindResource(accountId, resourceType, id))).ToList();
        return WireResponse.Ok(new XDocument(new XElement(Ns + "ListTagsForResourcesResponse", new XElement(Ns + "ResourceTagSets", sets))));
    }

    public WireResponse Change(string accountId, string resourceType, string resourceId, XDocument request)
    {
        var zone = FindResource(accountId, resourceType, resourceId);
        var root = request.Root;
        var add = root?.Element(Ns + "AddTags")?.Elements(Ns + "Tag")
            .Select(t => new KeyValuePair<string, string>((string?)t.Element(Ns + "Key") ?? "", (string?)t.Element(Ns + "Value") ?? ""))
            .ToList() ?? [];
        var remove = root?.Element(Ns + "RemoveTagKeys")?.Elements(Ns + "Key").Select(k => k.Value).ToList() ?? [];
        if (add.Count > MaxMembers || remove.Count > MaxMembers)
        {
            throw AwsError.InvalidInput($"Invalid request: AddTags and RemoveTagKeys may list at most {MaxMembers} members each.");
        }

        if (add.Concat(remove.Select(k => new KeyValuePair<string, string>(k, ""))).FirstOrDefault(t => t.Key.Length is 0 or > MaxKeyLength) is { Key: { } badKey })
        {
            throw AwsError.InvalidInput($"Invalid request: tag key '{badKey}' must be 1 to {MaxKeyLength} characters.");
        }

        if (add.FirstOrDefault(t => t.Value.Length > MaxValueLength) is { Key: { } longKey })
        {
            throw AwsError.InvalidInput($"Invalid request: the value of tag '{longKey}' is longer than {MaxValueLength} characters.");
        }

        zones.ChangeTags(zone.Id, add, remove);
        return WireResponse.Ok(new XDocument(new XElement(Ns + "ChangeTagsForResourceResponse")));
    }

    private ZoneRow FindResource(string accountId, string resourceType, string resourceId) =>
        resourceType switch
        {
            HostedZone => Route53Api.FindZone(zones, accountId, resourceId),
            // The local Route 53 has no health checks, so none of their ids exists.
            HealthCheck => throw new AwsError(404, "NoSuchHealthCheck", $"No health check exists with the specified ID {resourceId}"),
            _ => throw AwsError.InvalidInput(
                $"Invalid request: Value '{resourceType}' at 'resourceType' failed to satisfy constraint: Member must satisfy enum value set: [{HealthCheck}, {HostedZone}]"),
        };

    private XElement TagSet(ZoneRow zone) =>
        new(Ns + "ResourceTagSet",
            new XElement(Ns + "ResourceType", HostedZone),
            new XElement(Ns + "ResourceId", zone.Id),
            new XElement(Ns + "Tags", zones.Tags(zone.Id).Select(t =>
                new XElement(Ns + "Tag", new XElement(Ns + "Key", t.Key), new XElement(Ns + "Value", t.Value)))));
}
