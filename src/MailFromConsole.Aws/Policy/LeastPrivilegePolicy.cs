using System.Text;
using System.Text.Json;
using MailFromConsole.Aws.Route53;
using MailFromConsole.Aws.Ses;
using MailFromConsole.Aws.Sts;
using R53 = MailFromConsole.Aws.Route53.Route53Wire.Operations;
using SesOp = MailFromConsole.Aws.Ses.SesWire.Operations;

namespace MailFromConsole.Aws.Policy;

/// <summary>
/// The IAM policy with exactly the actions the wire clients can call: every SES and Route 53 operation constant, and
/// sts:AssumeRole on the Route 53 roles. A test holds <see cref="Actions"/> equal to the clients' operation constants,
/// so an operation added to a client without its permission here fails the build's tests.
/// </summary>
public static class LeastPrivilegePolicy
{
    public static IReadOnlyList<PolicyAction> Actions { get; } =
    [
        new(SesWire.SigningName, SesOp.ListIdentities, PolicyAccess.Read, PolicyResource.Any),
        new(SesWire.SigningName, SesOp.GetIdentityVerificationAttributes, PolicyAccess.Read, PolicyResource.Any),
        new(SesWire.SigningName, SesOp.GetIdentityMailFromDomainAttributes, PolicyAccess.Read, PolicyResource.Any),
        new(SesWire.SigningName, SesOp.GetIdentityDkimAttributes, PolicyAccess.Read, PolicyResource.Any),
        new(SesWire.SigningName, SesOp.GetIdentityNotificationAttributes, PolicyAccess.Read, PolicyResource.Any),
        new(SesWire.SigningName, SesOp.VerifyEmailIdentity, PolicyAccess.Write, PolicyResource.Any),
        new(SesWire.SigningName, SesOp.VerifyDomainIdentity, PolicyAccess.Write, PolicyResource.Any),
        new(SesWire.SigningName, SesOp.DeleteIdentity, PolicyAccess.Write, PolicyResource.Any),
        new(SesWire.SigningName, SesOp.SetIdentityMailFromDomain, PolicyAccess.Write, PolicyResource.Any),
        new(SesWire.SigningName, SesOp.VerifyDomainDkim, PolicyAccess.Write, PolicyResource.Any),
        new(SesWire.SigningName, SesOp.SetIdentityDkimEnabled, PolicyAccess.Write, PolicyResource.Any),
        new(SesWire.SigningName, SesOp.SetIdentityFeedbackForwardingEnabled, PolicyAccess.Write, PolicyResource.Any),
        new(SesWire.SigningName, SesOp.SendEmail, PolicyAccess.Write, PolicyResource.Any),
        new(Route53Wire.SigningName, R53.ListHostedZonesByName, PolicyAccess.Read, PolicyResource.Any),
        new(Route53Wire.SigningName, R53.ListResourceRecordSets, PolicyAccess.Read, PolicyResource.HostedZone),
        new(Route53Wire.SigningName, R53.GetChange, PolicyAccess.Read, PolicyResource.Change),
        new(Route53Wire.SigningName, R53.ChangeResourceRecordSets, PolicyAccess.Write, PolicyResource.HostedZone),
        new(StsWire.SigningName, StsWire.Operations.AssumeRole, PolicyAccess.Write, PolicyResource.Route53Role),
    ];

    /// <summary>Operations the clients call that IAM never refuses, so the policy leaves them out.</summary>
    public static IReadOnlyList<string> NeedNoPermission { get; } = [StsWire.Operations.GetCallerIdentity];

    /// <summary>The policy document for the console's identity. Route 53 record actions are limited to
    /// <paramref name="hostedZoneIds"/> when given; sts:AssumeRole is listed only when there are <paramref name="route53Roles"/>.</summary>
    public static string Document(IReadOnlyCollection<string> hostedZoneIds, IReadOnlyCollection<string> route53Roles)
    {
        var zones = hostedZoneIds.Count == 0
            ? ["arn:aws:route53:::hostedzone/*"]
            : hostedZoneIds.Select(id => $"arn:aws:route53:::hostedzone/{Route53Client.BareId(id, Route53Wire.HostedZoneIdPrefix)}").ToList();
        var statements = new (string Sid, PolicyResource Resource, IReadOnlyList<string> Resources)[]
        {
            ("MailFromConsoleAnyResource", PolicyResource.Any, ["*"]),
            ("MailFromConsoleHostedZones", PolicyResource.HostedZone, zones),
            ("MailFromConsoleRoute53Changes", PolicyResource.Change, ["arn:aws:route53:::change/*"]),
            ("MailFromConsoleRoute53Roles", PolicyResource.Route53Role, [.. route53Roles]),
        };

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("Version", "2012-10-17");
            json.WriteStartArray("Statement");
            foreach (var (sid, resource, resources) in statements.Where(s => s.Resources.Count > 0))
            {
                json.WriteStartObject();
                json.WriteString("Sid", sid);
                json.WriteString("Effect", "Allow");
                json.WriteStartArray("Action");
                foreach (var action in Actions.Where(a => a.Resource == resource))
                    json.WriteStringValue(action.IamAction);
                json.WriteEndArray();
                json.WriteStartArray("Resource");
                foreach (var arn in resources)
                    json.WriteStringValue(arn);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
