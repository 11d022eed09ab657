namespace MailFromConsole.Aws.Tests.Infrastructure;

/// <summary>One request as the server received it.</summary>
public sealed record RecordedRequest(
    string Method,
    string RawTarget,
    string Path,
    IReadOnlyList<KeyValuePair<string, string>> Query,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    DateTimeOffset ReceivedAt)
{
    /// <summary>The form fields of a Query-API POST, decoded, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Form => FormParser.Parse(Body);

    public string? FormValue(string name) => Form.Where(p => p.Key == name).Select(p => (string?)p.Value).SingleOrDefault();

    public string? QueryValue(string name) => Query.Where(p => p.Key == name).Select(p => (string?)p.Value).SingleOrDefault();

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
