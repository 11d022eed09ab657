using System.Net;
using System.Text.Json.Nodes;

namespace MailFromConsole.LocalAws.Tests.Support;

/// <summary>An answer of the local SES API v2: status, the error type header, and the parsed JSON body.</summary>
internal sealed record JsonAnswer(HttpStatusCode Status, string? ErrorType, JsonObject Json)
{
    public string? Message => (string?)Json["message"];

    public string? Text(string path) => Node(path)?.GetValue<string>();

    /// <summary>A member by a dotted path, e.g. <c>DkimAttributes.Status</c>.</summary>
    public JsonNode? Node(string path) => path.Split('.').Aggregate((JsonNode?)Json, (node, name) => node?[name]);

    public void ShouldSucceed() =>
        Assert.True(Status == HttpStatusCode.OK && ErrorType is null, $"Expected success, got {(int)Status} {ErrorType}: {Json.ToJsonString()}");

    public void ShouldFail(HttpStatusCode status, string errorType) =>
        Assert.True(Status == status && ErrorType == errorType && Message is not null,
            $"Expected {(int)status} {errorType}, got {(int)Status} {ErrorType}: {Json.ToJsonString()}");
}
