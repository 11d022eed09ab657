using System.Text.Json;
using System.Text.Json.Nodes;
using MailFromConsole.LocalAws.Wire;

namespace MailFromConsole.LocalAws.SesV2;

/// <summary>The JSON body of one SES API v2 request, read member by member with the model's types. Messages are ours.</summary>
internal sealed class SesV2Body
{
    private readonly JsonObject _root;

    private SesV2Body(JsonObject root) => _root = root;

    public static SesV2Body Parse(byte[] body)
    {
        if (body.Length == 0)
        {
            return new SesV2Body([]);
        }

        try
        {
            return JsonNode.Parse(body) is JsonObject root
                ? new SesV2Body(root)
                : throw BadRequest("The request body must be a JSON object.");
        }
        catch (JsonException e)
        {
            throw BadRequest("Could not parse the request body as JSON: " + e.Message);
        }
    }

    public string? Text(string name) => StringOf(_root[name], name);

    /// <summary>A JSON string (null for none); anything else, or a string no Unicode text can be, is a BadRequest.</summary>
    public static string? StringOf(JsonNode? node, string name)
    {
        try
        {
            return node switch
            {
                null => null,
                JsonValue value when value.TryGetValue<string>(out var text) => text,
                _ => throw BadRequest($"{name} must be a string."),
            };
        }
        catch (InvalidOperationException)
        {
            // A \u escape of a lone surrogate is valid JSON but no Unicode text: no name can hold it.
            throw BadRequest($"{name} is not valid Unicode text.");
        }
    }

    public string RequiredText(string name) =>
        Text(name) is { Length: > 0 } text ? text : throw BadRequest($"{name} is required.");

    public bool? Flag(string name) => _root[name] switch
    {
        null => null,
        JsonValue value when value.TryGetValue<bool>(out var flag) => flag,
        _ => throw BadRequest($"{name} must be a boolean."),
    };

    public JsonObject? Object(string name) => _root[name] switch
    {
        null => null,
        JsonObject value => value,
        _ => throw BadRequest($"{name} must be an object."),
    };

    public JsonArray? Array(string name) => _root[name] switch
    {
        null => null,
        JsonArray value => value,
        _ => throw BadRequest($"{name} must be a list."),
    };

    public static AwsError BadRequest(string message) => new(400, SesV2Wire.Errors.BadRequest, message);
}
