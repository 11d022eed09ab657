using System.Globalization;
using System.Text;
using MailFromConsole.Core.Records;

namespace MailFromConsole.Core.Export;

/// <summary>
/// The export as a Terraform configuration (≥ 1.5: <c>import</c> blocks) for the hashicorp/aws provider:
/// <c>aws_ses_domain_mail_from</c>, <c>aws_route53_record</c> MX and SPF, <c>data "aws_route53_zone"</c>. What already
/// exists (a MAIL FROM setting, a record set) gets an <c>import</c> block, so a plan adopts it instead of recreating it.
/// </summary>
public static class TerraformExport
{
    public const string FileName = "mail-from.tf";

    public static string Generate(string region, IReadOnlyList<ExportEntry> entries)
    {
        var tf = new StringBuilder();
        tf.AppendLine(HclText.Comment($"MAIL FROM domains of {entries.Count} SES identities in {region}, exported by MailFromConsole."));
        tf.AppendLine("# Existing settings and records have import blocks: `terraform plan` adopts them (Terraform 1.5 or later).");
        tf.AppendLine("""
            terraform {
              required_version = ">= 1.5.0"
              required_providers {
                aws = {
                  source  = "hashicorp/aws"
                  version = ">= 5.0"
                }
              }
            }

            """);
        tf.AppendLine($$"""
            provider "aws" {
              region = {{HclText.Quote(region)}}
            }
            """);

        var zoneKeys = new Dictionary<string, string>(StringComparer.Ordinal);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var zone in entries.Select(e => e.Zone).OfType<Route53.HostedZone>().DistinctBy(z => z.Id))
        {
            zoneKeys[zone.Id] = ExportPlanner.UniqueKey(zone.Name.TrimEnd('.'), taken);
            tf.AppendLine().AppendLine($$"""
                data "aws_route53_zone" "{{zoneKeys[zone.Id]}}" {
                  name         = {{HclText.Quote(zone.Name)}}
                  private_zone = false
                }
                """);
        }

        var recordKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            tf.AppendLine().AppendLine(HclText.Comment($"{entry.Source.Identity}: MAIL FROM domain {entry.MailFromDomain}"));
            foreach (var note in entry.Notes) tf.AppendLine(HclText.Comment(note));
            if (entry.Source.IsSet) AppendImport(tf, $"aws_ses_domain_mail_from.{entry.Key}", entry.Source.Identity);
            tf.AppendLine($$"""
                resource "aws_ses_domain_mail_from" "{{entry.Key}}" {
                  domain                 = {{HclText.Quote(entry.Source.Identity)}}
                  mail_from_domain       = {{HclText.Quote(entry.MailFromDomain)}}
                  behavior_on_mx_failure = {{HclText.Quote(entry.Behavior.ToString())}}
                }
                """);
            foreach (var record in entry.Records)
            {
                var key = ExportPlanner.UniqueKey($"{entry.Key}_{(record.Type == "TXT" ? "spf" : record.Type.ToLowerInvariant())}", recordKeys);
                // The provider's import id: zone id, name and type joined by underscores.
                if (record.Exists) AppendImport(tf, $"aws_route53_record.{key}", $"{entry.Zone!.Id}_{record.Name}_{record.Type}");
                tf.AppendLine($$"""
                    resource "aws_route53_record" "{{key}}" {
                      zone_id = data.aws_route53_zone.{{zoneKeys[entry.Zone!.Id]}}.zone_id
                      name    = {{HclText.Quote(record.Name)}}
                      type    = {{HclText.Quote(record.Type)}}
                      ttl     = {{record.Ttl.ToString(CultureInfo.InvariantCulture)}}
                      records = [{{string.Join(", ", record.Values.Select(v => HclText.Quote(Value(record.Type, v))))}}]
                    }
                    """);
            }
        }
        return tf.ToString();
    }

    private static void AppendImport(StringBuilder tf, string to, string id) => tf.AppendLine($$"""
        import {
          to = {{to}}
          id = {{HclText.Quote(id)}}
        }
        """);

    // The provider puts a TXT value between quotes as it is: it must already be escaped and split into
    // character-strings ("a" "b" is written a" "b), as Route 53 answers it and the provider reads it back.
    private static string Value(string type, string value) => type == "TXT" ? RequiredRecords.QuotedTxt(value)[1..^1] : value;
}
