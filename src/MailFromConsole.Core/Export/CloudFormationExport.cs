using System.Globalization;
using System.Text;
using MailFromConsole.Core.Records;
using MailFromConsole.Core.Ses;

namespace MailFromConsole.Core.Export;

/// <summary>
/// The export as a CloudFormation template (YAML): an <c>AWS::SES::EmailIdentity</c> with its <c>MailFromAttributes</c>
/// per identity and an <c>AWS::Route53::RecordSet</c> for each MX and SPF record.
/// </summary>
public static class CloudFormationExport
{
    public const string FileName = "mail-from.yaml";
    public const string EmailIdentityType = "AWS::SES::EmailIdentity";
    public const string RecordSetType = "AWS::Route53::RecordSet";

    /// <summary>CloudFormation takes SES v2's names for the behaviour (sesv2 shape <c>BehaviorOnMxFailure</c>).</summary>
    public static string Behavior(BehaviorOnMxFailure behavior) => behavior switch
    {
        BehaviorOnMxFailure.UseDefaultValue => "USE_DEFAULT_VALUE",
        BehaviorOnMxFailure.RejectMessage => "REJECT_MESSAGE",
        _ => throw new ArgumentOutOfRangeException(nameof(behavior), behavior, null),
    };

    public static string Generate(string region, IReadOnlyList<ExportEntry> entries)
    {
        var yaml = new StringBuilder();
        yaml.AppendLine(YamlText.Comment($"MAIL FROM domains of {entries.Count} SES identities, exported by MailFromConsole: deploy the stack in {region}."));
        yaml.AppendLine("# Identities that exist already are adopted with a change set of type IMPORT (they keep DeletionPolicy Retain).");
        yaml.AppendLine("# CloudFormation cannot import record sets: one marked as existing must be deleted before the stack creates it.");
        yaml.AppendLine("AWSTemplateFormatVersion: \"2010-09-09\"");
        yaml.AppendLine("Description: " + YamlText.Quote($"MAIL FROM domains of {entries.Count} SES identities in {region}"));
        yaml.AppendLine("Resources:");

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            yaml.AppendLine("  " + YamlText.Comment($"{entry.Source.Identity}: MAIL FROM domain {entry.MailFromDomain}"));
            foreach (var note in entry.Notes) yaml.AppendLine("  " + YamlText.Comment(note));
            var id = LogicalId(entry.Key, ids);
            yaml.AppendLine($$"""
                  {{id}}:
                    Type: "{{EmailIdentityType}}"
                    DeletionPolicy: Retain
                    UpdateReplacePolicy: Retain
                    Properties:
                      EmailIdentity: {{YamlText.Quote(entry.Source.Identity)}}
                      MailFromAttributes:
                        MailFromDomain: {{YamlText.Quote(entry.MailFromDomain)}}
                        BehaviorOnMxFailure: {{Behavior(entry.Behavior)}}
                """);
            foreach (var record in entry.Records)
            {
                if (record.Exists) yaml.AppendLine("  " + YamlText.Comment($"The {record.Type} record set at {record.Name} exists already."));
                yaml.AppendLine($$"""
                      {{LogicalId($"{entry.Key}_{(record.Type == "TXT" ? "spf" : record.Type.ToLowerInvariant())}", ids)}}:
                        Type: "{{RecordSetType}}"
                        Properties:
                          HostedZoneId: {{YamlText.Quote(entry.Zone!.Id)}}
                          Name: {{YamlText.Quote(record.Name + ".")}}
                          Type: {{YamlText.Quote(record.Type)}}
                          TTL: "{{record.Ttl.ToString(CultureInfo.InvariantCulture)}}"
                          ResourceRecords:
                    """);
                foreach (var value in record.Values)
                    yaml.AppendLine("        - " + YamlText.Quote(record.Type == "TXT" ? RequiredRecords.QuotedTxt(value) : value));
            }
        }
        return yaml.ToString();
    }

    // Logical ids are letters and digits only: example_com_mx becomes ExampleComMx.
    private static string LogicalId(string key, HashSet<string> taken)
    {
        var builder = new StringBuilder();
        foreach (var part in key.Split('_', StringSplitOptions.RemoveEmptyEntries))
            builder.Append(char.ToUpperInvariant(part[0])).Append(part[1..]);
        var id = builder.ToString();
        for (var n = 2; !taken.Add(id); n++)
            id = $"{builder}{n}";
        return id;
    }
}
