using System.IO.Compression;
using System.Text.Json;

namespace MailFromConsole.Testing;

/// <summary>A botocore service model (Debian's python3-botocore), read as JSON or gzipped JSON: the wire-name tests of the clients and of the local AWS check their constants against it.</summary>
public sealed class ServiceModel
{
    private const string BotocoreData = "/usr/lib/python3/dist-packages/botocore/data";

    private ServiceModel(JsonElement root) => Root = root;

    public JsonElement Root { get; }

    public static ServiceModel Load(string service, string version)
    {
        var folder = Path.Combine(BotocoreData, service, version);
        var plain = Path.Combine(folder, "service-2.json");
        var gzipped = plain + ".gz";
        using Stream stream = File.Exists(plain)
            ? File.OpenRead(plain)
            : File.Exists(gzipped)
                ? new GZipStream(File.OpenRead(gzipped), CompressionMode.Decompress)
                : throw new FileNotFoundException($"No botocore model in {folder}; install python3-botocore.");
        using var document = JsonDocument.Parse(stream);
        return new ServiceModel(document.RootElement.Clone());
    }

    public IEnumerable<JsonProperty> Operations => Root.GetProperty("operations").EnumerateObject();

    public IEnumerable<JsonProperty> Shapes => Root.GetProperty("shapes").EnumerateObject();

    public JsonElement Operation(string name) => Root.GetProperty("operations").GetProperty(name);

    public JsonElement Shape(string name) => Root.GetProperty("shapes").GetProperty(name);

    /// <summary>Every name a shape can put on the wire: member names, their locationNames, list members' locationNames, and shape names.</summary>
    public HashSet<string> WireNames()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var shape in Shapes)
        {
            names.Add(shape.Name);
            if (shape.Value.TryGetProperty("members", out var members))
            {
                foreach (var member in members.EnumerateObject())
                {
                    names.Add(member.Name);
                    if (member.Value.TryGetProperty("locationName", out var locationName))
                        names.Add(locationName.GetString()!);
                }
            }
            if (shape.Value.TryGetProperty("member", out var listMember) && listMember.TryGetProperty("locationName", out var listName))
                names.Add(listName.GetString()!);
        }
        foreach (var operation in Operations)
        {
            if (operation.Value.TryGetProperty("input", out var input) && input.TryGetProperty("locationName", out var inputName))
                names.Add(inputName.GetString()!);
        }
        return names;
    }

    public IReadOnlyList<string> EnumValues(string shapeName) =>
        Shape(shapeName).GetProperty("enum").EnumerateArray().Select(e => e.GetString()!).ToList();

    /// <summary>The input members of an operation that are sent in the query string, by their wire name.</summary>
    public IEnumerable<string> QueryStringNames(string operation)
    {
        var input = Shape(Operation(operation).GetProperty("input").GetProperty("shape").GetString()!);
        return input.GetProperty("members").EnumerateObject()
            .Where(m => m.Value.TryGetProperty("location", out var location) && location.GetString() == "querystring")
            .Select(m => m.Value.GetProperty("locationName").GetString()!);
    }
}
