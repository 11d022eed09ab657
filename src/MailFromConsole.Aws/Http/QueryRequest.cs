using System.Globalization;
using MailFromConsole.Aws.Ses;

namespace MailFromConsole.Aws.Http;

/// <summary>
/// The parameters of one Query API call (SES v1 and STS). Values are only ever collected as pairs and encoded by
/// <see cref="FormUrlEncodedContent"/>, so a value such as <c>a&amp;Action=DeleteIdentity</c> stays one value.
/// </summary>
internal sealed class QueryRequest
{
    private readonly List<KeyValuePair<string, string>> _parameters = [];

    public QueryRequest(string action, string apiVersion = SesWire.ApiVersion)
    {
        Action = action;
        Add(SesWire.Protocol.Action, action);
        Add(SesWire.Protocol.Version, apiVersion);
    }

    public string Action { get; }

    public QueryRequest Add(string name, string value)
    {
        _parameters.Add(new(name, WireText.Require(value, name)));
        return this;
    }

    public QueryRequest AddIfNotNull(string name, string? value) => value is null ? this : Add(name, value);

    public QueryRequest Add(string name, bool value) => Add(name, value ? "true" : "false");

    public QueryRequest AddIfNotNull(string name, int? value) =>
        value is null ? this : Add(name, value.Value.ToString(CultureInfo.InvariantCulture));

    /// <summary>A list as the Query protocol flattens it: <c>Name.member.1</c>, <c>Name.member.2</c>…</summary>
    public QueryRequest AddList(string name, IEnumerable<string> values)
    {
        var index = 1;
        foreach (var value in values)
            Add(Path(name, SesWire.Protocol.ListMember, index++.ToString(CultureInfo.InvariantCulture)), value);
        return this;
    }

    /// <summary>A nested member name, e.g. <c>Message.Subject.Data</c>.</summary>
    public static string Path(params string[] names) => string.Join('.', names);

    public FormUrlEncodedContent ToContent() => new(_parameters);
}
