using System.Globalization;
using MailFromConsole.LocalAws.Wire;

namespace MailFromConsole.LocalAws.Ses;

/// <summary>The form parameters of one SES Query request.</summary>
internal sealed class SesParameters(IReadOnlyDictionary<string, string> values)
{
    public string? Optional(string name) => values.TryGetValue(name, out var value) ? value : null;

    public string Required(string name) =>
        Optional(name) ?? throw new AwsError(400, "MissingParameter", $"The request must contain the parameter {name}.");

    /// <summary>A list sent as <c>Name.member.1</c>, <c>Name.member.2</c> … in member order.</summary>
    public IReadOnlyList<string> Members(string name)
    {
        var prefix = name + ".member.";
        return [.. values
            .Where(kv => kv.Key.StartsWith(prefix, StringComparison.Ordinal))
            .Select(kv => (Index: int.TryParse(kv.Key[prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : int.MaxValue, kv.Value))
            .OrderBy(x => x.Index)
            .Select(x => x.Value)];
    }

    /// <summary>A required list; an empty one gets AWS's validation wording.</summary>
    public IReadOnlyList<string> RequiredMembers(string name)
    {
        var members = Members(name);
        if (members.Count == 0 && Optional(name) is null)
        {
            throw new AwsError(400, "MissingParameter", $"The request must contain the parameter {name}.");
        }

        return members;
    }
}
