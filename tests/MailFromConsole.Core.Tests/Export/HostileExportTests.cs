using System.Globalization;
using System.Text;
using MailFromConsole.Core.Export;
using MailFromConsole.Core.Records;
using MailFromConsole.Core.Route53;
using MailFromConsole.Testing;
using YamlDotNet.RepresentationModel;
using static MailFromConsole.Core.Tests.Export.ExportSamples;

namespace MailFromConsole.Core.Tests.Export;

/// <summary>
/// Every row of the shared hostile table as an identity name and as a TXT value already at the name: the Terraform
/// and CloudFormation text reads back as exactly that value and gains no block, resource or line of its own.
/// </summary>
public sealed class HostileExportTests
{
    [Theory]
    [MemberData(nameof(HostileInputs.MailFromDomainKeys), MemberType = typeof(HostileInputs))]
    public void TerraformReadsBackEachHostileValueAndGainsNoBlock(string key)
    {
        var value = HostileInputs.MailFromDomain(key).Value ?? "";
        var entries = Plan((New(value), ZoneWith(new ResourceRecordSet("mail." + value.ToLowerInvariant() + ".", "TXT", 300, [value]))));

        var tf = TerraformExport.Generate(Region, entries);

        var lines = tf.Split('\n');
        Assert.Equal(3, lines.Count(l => l.StartsWith("resource \"", StringComparison.Ordinal)));
        Assert.Equal(1, lines.Count(l => l.StartsWith("data \"", StringComparison.Ordinal)));
        Assert.Equal(TextAsWritten(value), HclString(Assert.Single(lines, l => l.StartsWith("  domain ", StringComparison.Ordinal))));
        var txt = Assert.Single(lines, l => l.StartsWith("  records = [\"", StringComparison.Ordinal) && !l.Contains("feedback-smtp", StringComparison.Ordinal));
        Assert.Equal(TextAsWritten(RequiredRecords.QuotedTxt(value)[1..^1]), HclString(txt));
    }

    [Theory]
    [MemberData(nameof(HostileInputs.MailFromDomainKeys), MemberType = typeof(HostileInputs))]
    public void CloudFormationReadsBackEachHostileValueAndGainsNoResource(string key)
    {
        var value = HostileInputs.MailFromDomain(key).Value ?? "";
        var entries = Plan((New(value), ZoneWith(new ResourceRecordSet("mail." + value.ToLowerInvariant() + ".", "TXT", 300, [value]))));

        var yaml = new YamlStream();
        yaml.Load(new StringReader(CloudFormationExport.Generate(Region, entries)));

        var resources = (YamlMappingNode)((YamlMappingNode)yaml.Documents.Single().RootNode)["Resources"];
        Assert.Equal(3, resources.Children.Count);
        var identity = (YamlMappingNode)((YamlMappingNode)resources.Children.Values.First())["Properties"];
        Assert.Equal(TextAsWritten(value), ((YamlScalarNode)identity["EmailIdentity"]).Value);
        var spf = (YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)resources.Children.Values.Last())["Properties"])["ResourceRecords"];
        Assert.Equal(TextAsWritten(RequiredRecords.QuotedTxt(value)), ((YamlScalarNode)spf.Children[0]).Value);
    }

    // A lone surrogate is not text: both formats write it as U+FFFD.
    private static string TextAsWritten(string value)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) builder.Append(value[i]).Append(value[++i]);
            else builder.Append(char.IsSurrogate(value[i]) ? '\uFFFD' : value[i]);
        }
        return builder.ToString();
    }

    /// <summary>The first HCL quoted string of a line, decoded as Terraform reads it (escapes, <c>$${</c> and <c>%%{</c>).</summary>
    private static string HclString(string line)
    {
        var start = line.IndexOf('"', StringComparison.Ordinal) + 1;
        var builder = new StringBuilder();
        for (var i = start; ; i++)
        {
            var c = line[i];
            if (c == '"') return builder.ToString();
            Assert.False(c is '\n' or '\r', "A raw line break inside an HCL string.");
            if (c == '\\')
            {
                var e = line[++i];
                builder.Append(e switch
                {
                    'n' => "\n",
                    'r' => "\r",
                    't' => "\t",
                    '"' => "\"",
                    '\\' => "\\",
                    'u' => ((char)int.Parse(line.AsSpan(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString(),
                    _ => throw new InvalidOperationException($"Unknown HCL escape \\{e}"),
                });
                if (e == 'u') i += 4;
                continue;
            }
            Assert.False(c is '$' or '%' && line[i + 1] == '{', "A template sequence left open in an HCL string.");
            if (c is '$' or '%' && line[i + 1] == c && line[i + 2] == '{')
            {
                builder.Append(c).Append('{');
                i += 2;
                continue;
            }
            builder.Append(c);
        }
    }
}
