using System.Reflection;
using System.Text.Json;
using MailFromConsole.LocalAws.SesV2;
using MailFromConsole.Testing;

namespace MailFromConsole.LocalAws.Tests;

/// <summary>Every name the local SES API v2 reads or writes (kept in SesV2Wire) is botocore's sesv2 model's.</summary>
public sealed class SesV2WireNamesTests
{
    private static readonly ServiceModel Model = ServiceModel.Load("sesv2", "2019-09-27");

    private static IReadOnlyList<string> Constants(Type type) =>
        [.. type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)];

    [Fact]
    public void SigningNameAndProtocolAreTheModels()
    {
        var metadata = Model.Root.GetProperty("metadata");
        Assert.Equal(SesV2Wire.SigningName, metadata.GetProperty("signingName").GetString());
        Assert.Equal("rest-json", metadata.GetProperty("protocol").GetString());
    }

    [Fact]
    public void EveryRouteIsTheModelsMethodAndRequestUriOfItsOperation()
    {
        Assert.Equal(Constants(typeof(SesV2Wire.Operations)).Order(), SesV2Route.All.Select(r => r.Operation).Order());
        Assert.All(SesV2Route.All, route =>
        {
            var http = Model.Operation(route.Operation).GetProperty("http");
            Assert.Equal(http.GetProperty("method").GetString(), route.Method);
            Assert.Equal(http.GetProperty("requestUri").GetString(), route.Template);
        });
    }

    [Fact]
    public void EveryMemberIsInTheModel()
    {
        var names = Model.WireNames();
        Assert.All(Constants(typeof(SesV2Wire.Members)), member => Assert.True(names.Contains(member), $"sesv2 model has no member {member}"));
    }

    [Fact]
    public void EveryEnumValueIsInTheModel()
    {
        var values = Model.Shapes
            .Where(s => s.Value.TryGetProperty("enum", out _))
            .SelectMany(s => s.Value.GetProperty("enum").EnumerateArray().Select(e => e.GetString()!))
            .ToHashSet(StringComparer.Ordinal);
        Assert.All(Constants(typeof(SesV2Wire.Values)), value => Assert.True(values.Contains(value), $"sesv2 model has no enum value {value}"));
    }

    [Fact]
    public void EveryErrorCodeIsAnExceptionShapeWithItsStatus()
    {
        Assert.All(Constants(typeof(SesV2Wire.Errors)), code =>
        {
            var shape = Model.Shape(code);
            Assert.True(shape.GetProperty("exception").GetBoolean());
            Assert.Equal(JsonValueKind.Number, shape.GetProperty("error").GetProperty("httpStatusCode").ValueKind);
        });
    }
}
