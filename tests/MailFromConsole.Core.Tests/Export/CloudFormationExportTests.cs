using System.Text.Json;
using MailFromConsole.Core.Export;
using MailFromConsole.Core.Route53;
using YamlDotNet.RepresentationModel;
using static MailFromConsole.Core.Tests.Export.ExportSamples;

namespace MailFromConsole.Core.Tests.Export;

/// <summary>The CloudFormation export parsed as YAML and checked against the resource specification (vendored extract, source inside).</summary>
public sealed class CloudFormationExportTests
{
    private static readonly JsonElement Spec = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Export", "cfn-resource-spec.json"))).RootElement;

    [Fact]
    public void EveryResourceHasASpecifiedTypeOnlySpecifiedPropertiesAndAllRequiredOnes()
    {
        var resources = Resources(CloudFormationExport.Generate(Region, Plan((SetUp(), PublishedZone()), (New("user@example.org"), ZoneWith()))));

        Assert.Equal(6, resources.Count);
        foreach (var (id, resource) in resources)
        {
            var type = Scalar(resource, "Type");
            var specified = Spec.GetProperty("ResourceTypes").GetProperty(type).GetProperty("Properties");
            var properties = (YamlMappingNode)resource["Properties"];
            var names = properties.Children.Keys.Select(k => ((YamlScalarNode)k).Value!).ToList();
            Assert.All(names, n => Assert.True(specified.TryGetProperty(n, out _), $"{id}: {type} has no property {n}"));
            Assert.All(specified.EnumerateObject().Where(p => p.Value.GetProperty("Required").GetBoolean()),
                p => Assert.Contains(p.Name, names));
            if (type == CloudFormationExport.EmailIdentityType)
            {
                var mailFrom = (YamlMappingNode)properties["MailFromAttributes"];
                var allowed = Spec.GetProperty("PropertyTypes").GetProperty("AWS::SES::EmailIdentity.MailFromAttributes").GetProperty("Properties");
                Assert.All(mailFrom.Children.Keys, k => Assert.True(allowed.TryGetProperty(((YamlScalarNode)k).Value!, out _)));
            }
            else
            {
                Assert.Equal("List", specified.GetProperty("ResourceRecords").GetProperty("Type").GetString());
                Assert.IsType<YamlSequenceNode>(properties["ResourceRecords"]);
            }
        }
    }

    [Fact]
    public void TheIdentityCarriesItsMailFromAttributesAndTheRecordsTheirZoneAndQuotedValues()
    {
        var resources = Resources(CloudFormationExport.Generate(Region, Plan((SetUp(), PublishedZone()))));

        var identity = (YamlMappingNode)resources["ExampleCom"]["Properties"];
        Assert.Equal("example.com", Scalar(identity, "EmailIdentity"));
        Assert.Equal("mail.example.com", Scalar((YamlMappingNode)identity["MailFromAttributes"], "MailFromDomain"));
        Assert.Equal("REJECT_MESSAGE", Scalar((YamlMappingNode)identity["MailFromAttributes"], "BehaviorOnMxFailure"));
        Assert.Equal("Retain", Scalar(resources["ExampleCom"], "DeletionPolicy"));
        var spf = (YamlMappingNode)resources["ExampleComSpf"]["Properties"];
        Assert.Equal(ZoneId, Scalar(spf, "HostedZoneId"));
        Assert.Equal("mail.example.com.", Scalar(spf, "Name"));
        Assert.Equal("600", Scalar(spf, "TTL"));
        Assert.Equal("\"v=spf1 include:amazonses.com ~all\"", ((YamlScalarNode)((YamlSequenceNode)spf["ResourceRecords"]).Children.Single()).Value);
        Assert.Equal("10 feedback-smtp.us-east-1.amazonses.com.",
            ((YamlScalarNode)((YamlSequenceNode)((YamlMappingNode)resources["ExampleComMx"]["Properties"])["ResourceRecords"]).Children.Single()).Value);
    }

    [Fact]
    public void AnIdentityWithoutAHostedZoneHasOnlyItsEmailIdentityAndAComment()
    {
        var yaml = CloudFormationExport.Generate(Region, Plan((SetUp("example.org", "mail.example.org"), ExportZone.None)));

        Assert.Single(Resources(yaml));
        Assert.Contains("# No public hosted zone for mail.example.org in this account", yaml);
    }

    [Fact]
    public void TheBehaviourNamesAreSesV2sFromTheBotocoreModel()
    {
        var model = Directory.GetFiles("/usr/lib/python3/dist-packages/botocore/data/sesv2", "service-2.json", SearchOption.AllDirectories).Single();
        var values = JsonDocument.Parse(File.ReadAllText(model)).RootElement.GetProperty("shapes").GetProperty("BehaviorOnMxFailure").GetProperty("enum")
            .EnumerateArray().Select(v => v.GetString()).ToList();

        Assert.Equal(values, Enum.GetValues<Core.Ses.BehaviorOnMxFailure>().Select(CloudFormationExport.Behavior));
    }

    private static Dictionary<string, YamlMappingNode> Resources(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var root = (YamlMappingNode)stream.Documents.Single().RootNode;
        Assert.Equal("2010-09-09", Scalar(root, "AWSTemplateFormatVersion"));
        return ((YamlMappingNode)root["Resources"]).Children.ToDictionary(c => ((YamlScalarNode)c.Key).Value!, c => (YamlMappingNode)c.Value);
    }

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node[key]).Value!;
}
