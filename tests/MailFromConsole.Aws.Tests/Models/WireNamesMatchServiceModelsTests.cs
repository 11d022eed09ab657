using System.Reflection;
using MailFromConsole.Aws.Route53;
using MailFromConsole.Aws.Ses;
using MailFromConsole.Aws.Sts;
using MailFromConsole.Core.Ses;
using MailFromConsole.Testing;

namespace MailFromConsole.Aws.Tests.Models;

/// <summary>The names the clients send and parse (kept in SesWire / Route53Wire) must exist in AWS's own service models.</summary>
public sealed class WireNamesMatchServiceModelsTests
{
    private static readonly ServiceModel Ses = ServiceModel.Load("ses", "2010-12-01");
    private static readonly ServiceModel Route53 = ServiceModel.Load("route53", "2013-04-01");
    private static readonly ServiceModel Sts = ServiceModel.Load("sts", StsWire.ApiVersion);

    private static IReadOnlyList<(string Field, string Value)> Constants(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (f.Name, (string)f.GetRawConstantValue()!))
            .ToList();

    [Fact]
    public void SesApiVersionAndSigningNameAreTheModels()
    {
        var metadata = Ses.Root.GetProperty("metadata");
        Assert.Equal(SesWire.ApiVersion, metadata.GetProperty("apiVersion").GetString());
        Assert.Equal(SesWire.SigningName, metadata.GetProperty("signingName").GetString());
        Assert.Equal("query", metadata.GetProperty("protocol").GetString());
    }

    [Fact]
    public void EverySesOperationTheClientCallsExistsInTheModel()
    {
        var operations = Constants(typeof(SesWire.Operations));
        Assert.Equal(13, operations.Count);
        Assert.All(operations, op => Assert.True(Ses.Operations.Any(o => o.Name == op.Value), $"SES has no operation {op.Value}"));
    }

    [Fact]
    public void EverySesMemberTheClientSendsOrParsesExistsInTheModel()
    {
        var names = Ses.WireNames();
        Assert.All(Constants(typeof(SesWire.Members)), member => Assert.True(names.Contains(member.Value), $"SES model has no member {member.Value}"));
    }

    [Fact]
    public void SesEnumsOfTheCoreContractsUseTheModelsWireStrings()
    {
        Assert.Equal(Ses.EnumValues("IdentityType").Order(), Enum.GetNames<IdentityType>().Order());
        Assert.Equal(Ses.EnumValues("BehaviorOnMXFailure").Order(), Enum.GetNames<BehaviorOnMxFailure>().Order());
        Assert.Equal(Ses.EnumValues("CustomMailFromStatus").Order(), Enum.GetNames<CustomMailFromStatus>().Order());
        Assert.Equal(Ses.EnumValues("VerificationStatus").Order(), Enum.GetNames<VerificationStatus>().Order());
    }

    [Fact]
    public void SesMailFromErrorCodeIsTheModels()
    {
        var code = Ses.Shape("MailFromDomainNotVerifiedException").GetProperty("error").GetProperty("code").GetString();
        Assert.Equal("MailFromDomainNotVerifiedException", code);
    }

    [Fact]
    public void EveryRoute53OperationAndRequestUriMatchesTheModel()
    {
        var uris = Constants(typeof(Route53Wire.RequestUris)).ToDictionary(c => c.Field, c => c.Value);
        foreach (var (field, operation) in Constants(typeof(Route53Wire.Operations)))
        {
            var http = Route53.Operation(operation).GetProperty("http");
            Assert.Equal(http.GetProperty("requestUri").GetString(), uris[field]);
        }
        Assert.Equal("POST", Route53.Operation(Route53Wire.Operations.ChangeResourceRecordSets).GetProperty("http").GetProperty("method").GetString());
        Assert.Equal(4, uris.Count);
    }

    [Fact]
    public void Route53QueryParametersAreTheModelsLocationNames()
    {
        var used = Constants(typeof(Route53Wire.QueryParameters)).Select(c => c.Value);
        var inModel = new[] { Route53Wire.Operations.ListHostedZonesByName, Route53Wire.Operations.ListResourceRecordSets }
            .SelectMany(Route53.QueryStringNames).ToHashSet(StringComparer.Ordinal);
        Assert.All(used, name => Assert.Contains(name, inModel));
    }

    [Fact]
    public void EveryRoute53ElementTheClientWritesOrReadsExistsInTheModel()
    {
        var names = Route53.WireNames();
        Assert.All(Constants(typeof(Route53Wire.Elements)), element => Assert.True(names.Contains(element.Value), $"Route 53 model has no element {element.Value}"));
        Assert.Equal(Route53Wire.Namespace, Route53.Operation(Route53Wire.Operations.ChangeResourceRecordSets).GetProperty("input").GetProperty("xmlNamespace").GetProperty("uri").GetString());
    }

    [Fact]
    public void Route53EnumValuesAreTheModels()
    {
        Assert.Equal(Route53.EnumValues(Route53Wire.EnumValues.ChangeActionShape).Order(),
            new[] { Route53Wire.EnumValues.Create, Route53Wire.EnumValues.Delete, Route53Wire.EnumValues.Upsert }.Order());
        Assert.Equal(Route53.EnumValues(Route53Wire.EnumValues.ChangeStatusShape).Order(),
            new[] { Route53Wire.EnumValues.Pending, Route53Wire.EnumValues.InSync }.Order());
    }

    [Fact]
    public void Route53ErrorCodesTheConsoleHandlesAreDeclaredByTheOperations()
    {
        var errors = Route53.Operation(Route53Wire.Operations.ChangeResourceRecordSets).GetProperty("errors").EnumerateArray()
            .Select(e => e.GetProperty("shape").GetString()).ToList();
        Assert.Contains("InvalidChangeBatch", errors);
        Assert.Contains("PriorRequestNotComplete", errors);
        Assert.Contains("NoSuchHostedZone", errors);
    }

    [Fact]
    public void StsApiVersionSigningNameOperationsAndMembersAreTheModels()
    {
        var metadata = Sts.Root.GetProperty("metadata");
        Assert.Equal(StsWire.ApiVersion, metadata.GetProperty("apiVersion").GetString());
        // botocore signs with the endpoint prefix when the model names no signingName (STS's does not).
        Assert.False(metadata.TryGetProperty("signingName", out _));
        Assert.Equal(StsWire.SigningName, metadata.GetProperty("endpointPrefix").GetString());
        Assert.Equal("query", metadata.GetProperty("protocol").GetString());
        Assert.All(Constants(typeof(StsWire.Operations)), op => Assert.True(Sts.Operations.Any(o => o.Name == op.Value), $"STS has no operation {op.Value}"));
        var names = Sts.WireNames();
        Assert.All(Constants(typeof(StsWire.Members)), member => Assert.True(names.Contains(member.Value), $"STS model has no member {member.Value}"));
    }
}
