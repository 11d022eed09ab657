using System.Reflection;
using System.Text.Json;
using MailFromConsole.Aws.Policy;
using MailFromConsole.Aws.Route53;
using MailFromConsole.Aws.Ses;
using MailFromConsole.Aws.Sts;

namespace MailFromConsole.Aws.Tests.Policy;

public sealed class LeastPrivilegePolicyTests
{
    private const string Role = "arn:aws:iam::111111111111:role/ConsoleRoute53";

    /// <summary>What the wire clients can call: their operation constants, with the IAM prefix of their service.</summary>
    private static HashSet<string> ClientOperations() =>
    [
        .. Operations(typeof(SesWire.Operations), SesWire.SigningName),
        .. Operations(typeof(Route53Wire.Operations), Route53Wire.SigningName),
        .. Operations(typeof(StsWire.Operations), StsWire.SigningName),
    ];

    private static IEnumerable<string> Operations(Type constants, string service) =>
        constants.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => $"{service}:{f.GetRawConstantValue()}");

    private static List<JsonElement> Statements(string document) =>
        [.. JsonDocument.Parse(document).RootElement.GetProperty("Statement").EnumerateArray()];

    private static HashSet<string> ActionsIn(string document) =>
        [.. Statements(document).SelectMany(s => s.GetProperty("Action").EnumerateArray().Select(a => a.GetString()!))];

    [Fact]
    public void ThePolicyListsExactlyTheActionsTheClientsCanCall()
    {
        var document = LeastPrivilegePolicy.Document([], [Role]);
        var expected = ClientOperations();
        expected.ExceptWith(LeastPrivilegePolicy.NeedNoPermission.Select(op => $"{StsWire.SigningName}:{op}"));

        Assert.Equal(expected.Order(), ActionsIn(document).Order());
        Assert.Equal(expected.Order(), LeastPrivilegePolicy.Actions.Select(a => a.IamAction).Order());
        Assert.Equal(LeastPrivilegePolicy.Actions.Count, LeastPrivilegePolicy.Actions.Select(a => a.IamAction).Distinct().Count());
    }

    [Fact]
    public void OnlyGetCallerIdentityIsLeftOutAndIamNeverRefusesIt()
    {
        Assert.Equal([StsWire.Operations.GetCallerIdentity], LeastPrivilegePolicy.NeedNoPermission);
    }

    [Fact]
    public void Route53RecordActionsAreLimitedToTheManagedZonesWhenConfigured()
    {
        var document = LeastPrivilegePolicy.Document(["Z1D633PJN98FT9", "/hostedzone/Z2ABCDEF"], []);

        var zones = Assert.Single(Statements(document), s => s.GetProperty("Resource").EnumerateArray().Any(r => r.GetString()!.Contains(":hostedzone/", StringComparison.Ordinal)));
        Assert.Equal(["route53:ListResourceRecordSets", "route53:ChangeResourceRecordSets"], zones.GetProperty("Action").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(["arn:aws:route53:::hostedzone/Z1D633PJN98FT9", "arn:aws:route53:::hostedzone/Z2ABCDEF"], zones.GetProperty("Resource").EnumerateArray().Select(r => r.GetString()));
        Assert.DoesNotContain("route53:ChangeResourceRecordSets", Statements(document)
            .Where(s => s.GetProperty("Resource").EnumerateArray().Any(r => r.GetString() == "*"))
            .SelectMany(s => s.GetProperty("Action").EnumerateArray().Select(a => a.GetString())));
    }

    [Fact]
    public void WithoutRoute53RolesThereIsNoAssumeRoleAndWithThemOnlyOnThoseRoles()
    {
        Assert.DoesNotContain("sts:AssumeRole", ActionsIn(LeastPrivilegePolicy.Document([], [])));

        var roles = Assert.Single(Statements(LeastPrivilegePolicy.Document([], [Role])), s => s.GetProperty("Action").EnumerateArray().Any(a => a.GetString() == "sts:AssumeRole"));
        Assert.Equal([Role], roles.GetProperty("Resource").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("2012-10-17", JsonDocument.Parse(LeastPrivilegePolicy.Document([], [])).RootElement.GetProperty("Version").GetString());
    }
}
