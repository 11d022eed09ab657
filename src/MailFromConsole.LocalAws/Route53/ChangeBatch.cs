using System.Globalization;
using System.Xml.Linq;
using MailFromConsole.LocalAws.Wire;

namespace MailFromConsole.LocalAws.Route53;

internal sealed record ChangeBatch(string? Comment, IReadOnlyList<RequestedChange> Changes)
{
    /// <summary>Reads a ChangeResourceRecordSetsRequest body; shape errors are InvalidInput as Route 53 answers.</summary>
    public static ChangeBatch Parse(XDocument document)
    {
        var ns = AwsXml.Route53;
        var batch = document.Root?.Element(ns + "ChangeBatch")
                    ?? throw AwsError.InvalidInput("Invalid request: ChangeBatch is required.");
        var changes = batch.Element(ns + "Changes")?.Elements(ns + "Change").ToList() ?? [];
        if (changes.Count == 0)
        {
            throw AwsError.InvalidInput("Invalid request: the change batch must contain at least one change.");
        }

        return new ChangeBatch((string?)batch.Element(ns + "Comment"), changes.Select(ParseChange).ToList());
    }

    private static RequestedChange ParseChange(XElement change)
    {
        var ns = AwsXml.Route53;
        var actionText = (string?)change.Element(ns + "Action") ?? "";
        ChangeVerb action = actionText switch
        {
            "CREATE" => ChangeVerb.Create,
            "DELETE" => ChangeVerb.Delete,
            "UPSERT" => ChangeVerb.Upsert,
            _ => throw AwsError.InvalidInput($"Invalid request: Value '{actionText}' at 'changeBatch.changes.member.action' failed to satisfy constraint: Member must satisfy enum value set: [CREATE, DELETE, UPSERT]"),
        };
        var set = change.Element(ns + "ResourceRecordSet")
                  ?? throw AwsError.InvalidInput("Invalid request: ResourceRecordSet is required.");
        var name = (string?)set.Element(ns + "Name") ?? "";
        var type = (string?)set.Element(ns + "Type") ?? "";
        if (!RecordValues.SupportedTypes.Contains(type))
        {
            throw AwsError.InvalidInput($"Invalid request: Value '{type}' at 'changeBatch.changes.member.resourceRecordSet.type' failed to satisfy constraint: Member must satisfy enum value set: [{string.Join(", ", RecordValues.SupportedTypes)}]");
        }

        if (set.Element(ns + "AliasTarget") is not null || set.Element(ns + "SetIdentifier") is not null)
        {
            throw AwsError.InvalidInput("Invalid request: alias and routing-policy record sets are not supported by the local Route 53.");
        }

        var ttlText = (string?)set.Element(ns + "TTL");
        var records = set.Element(ns + "ResourceRecords")?.Elements(ns + "ResourceRecord")
            .Select(r => (string?)r.Element(ns + "Value") ?? "").ToList();
        if (ttlText is null || records is null || records.Count == 0)
        {
            throw AwsError.InvalidInput($"Invalid request: Expected exactly one of [AliasTarget, all of [TTL, and ResourceRecords], or TrafficPolicyInstanceId], but found none in Change with [Action={actionText}, Name={name}, Type={type}, SetIdentifier=null]");
        }

        if (!long.TryParse(ttlText, NumberStyles.None, CultureInfo.InvariantCulture, out var ttl) || ttl > 2147483647)
        {
            throw AwsError.InvalidInput($"Invalid request: TTL '{ttlText}' must be a number from 0 to 2147483647.");
        }

        return new RequestedChange(action, name, type, ttl, records);
    }
}
