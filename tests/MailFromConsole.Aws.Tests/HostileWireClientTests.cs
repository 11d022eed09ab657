using System.Xml;
using System.Xml.Linq;
using MailFromConsole.Aws.Route53;
using MailFromConsole.Aws.Tests.Infrastructure;
using MailFromConsole.Core;
using MailFromConsole.Core.Route53;
using MailFromConsole.Core.Ses;
using MailFromConsole.Testing;

namespace MailFromConsole.Aws.Tests;

/// <summary>
/// The shared hostile-input table through the console's wire client, over real HTTP to a loopback recorder. For each
/// input, each call either refuses before anything is sent, or sends one signed request that carries the value
/// exactly once, exactly as given, with every other parameter (Action, Version, Identity, the XML structure) unchanged.
/// </summary>
public sealed class HostileWireClientTests(HostileWireFixture fixture) : IClassFixture<HostileWireFixture>
{
    private const string Region = "us-east-1";
    private const string Spf = "v=spf1 include:amazonses.com ~all";
    private static readonly XNamespace R53 = AwsExamples.Route53Namespace;

    private AwsClientHarness Aws => fixture.Aws;

    [Theory]
    [MemberData(nameof(HostileInputs.MailFromDomainKeys), MemberType = typeof(HostileInputs))]
    public async Task MailFromDomainIsSentAsExactlyOneUnchangedParameter(string key)
    {
        var value = HostileInputs.MailFromDomain(key).Value;

        var request = await SentOrRefusedAsync(key, () =>
            Aws.Ses.SetIdentityMailFromDomainAsync(Region, HostileInputs.Identity, value, BehaviorOnMxFailure.RejectMessage));

        // A null domain is SES's "disable": the parameter is left out, nothing else changes.
        AssertForm(request, value is null
            ? [new("Action", "SetIdentityMailFromDomain"), new("Version", "2010-12-01"), new("Identity", HostileInputs.Identity), new("BehaviorOnMXFailure", "RejectMessage")]
            : [new("Action", "SetIdentityMailFromDomain"), new("Version", "2010-12-01"), new("Identity", HostileInputs.Identity), new("MailFromDomain", value), new("BehaviorOnMXFailure", "RejectMessage")]);
    }

    [Theory]
    [MemberData(nameof(HostileInputs.MailFromDomainKeys), MemberType = typeof(HostileInputs))]
    public async Task MailFromTableValueAsIdentityStaysOneParameterInEveryIdentityCall(string key) =>
        await EveryIdentityCallAsync(key, HostileInputs.MailFromDomain(key).Value);

    [Theory]
    [MemberData(nameof(HostileInputs.IdentityKeys), MemberType = typeof(HostileInputs))]
    public async Task IdentityStaysOneParameterInEveryIdentityCall(string key) =>
        await EveryIdentityCallAsync(key, HostileInputs.IdentityInput(key).Value);

    [Theory]
    [MemberData(nameof(HostileInputs.MailFromDomainKeys), MemberType = typeof(HostileInputs))]
    public async Task ZoneLookupNameIsSentAsExactlyOneQueryValue(string key)
    {
        var value = HostileInputs.MailFromDomain(key).Value;

        var request = await SentOrRefusedAsync(key, () => Aws.Route53.ListHostedZonesByNameAsync(value, "Z123", 5));

        if (request is null) return;
        Assert.Equal("GET", request.Method);
        Assert.Equal("/2013-04-01/hostedzonesbyname", request.Path);
        Assert.Equal(value is null
            ? [new("hostedzoneid", "Z123"), new("maxitems", "5")]
            : [new("dnsname", value), new("hostedzoneid", "Z123"), new("maxitems", "5")], request.Query);
        Assert.True(SigV4Verifier.Verify(request, AwsClientHarness.SecretAccessKey), $"{key}: signature does not verify");
    }

    [Theory]
    [MemberData(nameof(HostileInputs.MailFromDomainKeys), MemberType = typeof(HostileInputs))]
    public async Task ZoneSearchAsksOnlyForTheNameAndItsParentsOrRefusesBeforeSending(string key)
    {
        var value = HostileInputs.MailFromDomain(key).Value;
        var before = Aws.Server.Requests.Count;

        try
        {
            Assert.Null(await Aws.Route53.FindPublicHostedZoneAsync(value!));
        }
        catch (ArgumentException)
        {
            Assert.True(Aws.Server.Requests.Count == before, $"{key}: refused, but requests were sent anyway");
            return;
        }

        // One ListHostedZonesByName per candidate, deepest first: the name's own labels, never more than a DNS name has.
        var labels = DnsNames.Labels(value!);
        var sent = Aws.Server.Requests.Skip(before).ToList();
        Assert.InRange(labels.Count, 1, 127);
        Assert.Equal(Enumerable.Range(0, labels.Count).Select(skip => DnsNames.Absolute(labels.Skip(skip))), sent.Select(r => r.QueryValue("dnsname")));
        Assert.All(sent, r => Assert.True(SigV4Verifier.Verify(r, AwsClientHarness.SecretAccessKey)));
    }

    [Theory]
    [MemberData(nameof(HostileInputs.MailFromDomainKeys), MemberType = typeof(HostileInputs))]
    public async Task RecordNameStaysTextInsideItsNameElement(string key)
    {
        var value = HostileInputs.MailFromDomain(key).Value;

        var request = await SentOrRefusedAsync(key, () => Aws.Route53.ChangeResourceRecordSetsAsync("Z123",
            [new(ChangeAction.Upsert, new ResourceRecordSet(value!, "TXT", 300, [Spf]))], "MAIL FROM records"));

        // XML 1.0 cannot carry NUL and most other control characters at all: those names must be refused.
        if (value is not null && !value.All(c => XmlConvert.IsXmlChar(c) || char.IsSurrogate(c)))
            Assert.Null(request);
        if (request is null) return;
        var set = AssertOneUpsert(request);
        Assert.Equal(value, set.Element(R53 + "Name")!.Value);
        Assert.Equal("\"" + Spf + "\"", Assert.Single(set.Descendants(R53 + "Value")).Value);
    }

    [Theory]
    [MemberData(nameof(HostileInputs.MailFromDomainKeys), MemberType = typeof(HostileInputs))]
    public async Task TxtRecordValueRoundTripsThroughItsQuotedWireForm(string key)
    {
        var value = HostileInputs.MailFromDomain(key).Value;

        var request = await SentOrRefusedAsync(key, () => Aws.Route53.ChangeResourceRecordSetsAsync("Z123",
            [new(ChangeAction.Upsert, new ResourceRecordSet("mail.example.com.", "TXT", 300, [value!]))], "MAIL FROM records"));

        if (request is null) return;
        var set = AssertOneUpsert(request);
        Assert.Equal("mail.example.com.", set.Element(R53 + "Name")!.Value);
        var wire = Assert.Single(set.Descendants(R53 + "Value")).Value;
        Assert.DoesNotContain(wire, char.IsControl);
        Assert.Equal(value, TxtRecordValues.FromWire(wire));
    }

    private async Task EveryIdentityCallAsync(string key, string? identity)
    {
        var set = await SentOrRefusedAsync(key, () =>
            Aws.Ses.SetIdentityMailFromDomainAsync(Region, identity!, "mail.example.com", BehaviorOnMxFailure.UseDefaultValue));
        AssertForm(set, [new("Action", "SetIdentityMailFromDomain"), new("Version", "2010-12-01"), new("Identity", identity!),
            new("MailFromDomain", "mail.example.com"), new("BehaviorOnMXFailure", "UseDefaultValue")]);

        var read = await SentOrRefusedAsync(key, () => Aws.Ses.GetIdentityMailFromDomainAttributesAsync(Region, [identity!]));
        AssertForm(read, [new("Action", "GetIdentityMailFromDomainAttributes"), new("Version", "2010-12-01"), new("Identities.member.1", identity!)]);

        var domain = await SentOrRefusedAsync(key, () => Aws.Ses.VerifyDomainIdentityAsync(Region, identity!));
        AssertForm(domain, [new("Action", "VerifyDomainIdentity"), new("Version", "2010-12-01"), new("Domain", identity!)]);

        var email = await SentOrRefusedAsync(key, () => Aws.Ses.VerifyEmailIdentityAsync(Region, identity!));
        AssertForm(email, [new("Action", "VerifyEmailIdentity"), new("Version", "2010-12-01"), new("EmailAddress", identity!)]);

        var forwarding = await SentOrRefusedAsync(key, () => Aws.Ses.SetIdentityFeedbackForwardingEnabledAsync(Region, identity!, true));
        AssertForm(forwarding, [new("Action", "SetIdentityFeedbackForwardingEnabled"), new("Version", "2010-12-01"), new("Identity", identity!), new("ForwardingEnabled", "true")]);

        var delete = await SentOrRefusedAsync(key, () => Aws.Ses.DeleteIdentityAsync(Region, identity!));
        AssertForm(delete, [new("Action", "DeleteIdentity"), new("Version", "2010-12-01"), new("Identity", identity!)]);
    }

    /// <summary>Runs one call: it either refuses with an argument error and sends nothing, or sends exactly one request.</summary>
    private async Task<RecordedRequest?> SentOrRefusedAsync(string key, Func<Task> call)
    {
        var before = Aws.Server.Requests.Count;
        try
        {
            await call();
        }
        catch (ArgumentException)
        {
            Assert.True(Aws.Server.Requests.Count == before, $"{key}: refused, but a request was sent anyway");
            return null;
        }
        catch (AwsServiceException ex)
        {
            // The recorder answers every request it sees with success: this is HTTP refusing the request before it
            // got there (a 100,000-character name in a URL is 414 URI Too Long), surfaced as a clear AWS-style error.
            Assert.True(Aws.Server.Requests.Count == before, $"{key}: {ex.ErrorCode} after the request was recorded");
            Assert.False(string.IsNullOrWhiteSpace(ex.ErrorCode));
            return null;
        }

        var sent = Aws.Server.Requests.Skip(before).ToList();
        Assert.True(sent.Count == 1, $"{key}: {sent.Count} requests were sent for one call");
        return sent[0];
    }

    private static void AssertForm(RecordedRequest? request, KeyValuePair<string, string>[] expected)
    {
        if (request is null) return;
        Assert.Equal("POST", request.Method);
        Assert.StartsWith("application/x-www-form-urlencoded", request.Header("Content-Type"));
        Assert.Equal(expected, request.Form);
        Assert.Null(request.Header("X-Injected"));
        Assert.True(SigV4Verifier.Verify(request, AwsClientHarness.SecretAccessKey), "signature does not verify");
    }

    private static XElement AssertOneUpsert(RecordedRequest request)
    {
        Assert.Equal("POST", request.Method);
        Assert.Equal("/2013-04-01/hostedzone/Z123/rrset/", request.Path);
        var root = XDocument.Parse(request.Body, LoadOptions.PreserveWhitespace).Root!;
        Assert.Equal(R53 + "ChangeResourceRecordSetsRequest", root.Name);
        Assert.Equal("MAIL FROM records", Assert.Single(root.Descendants(R53 + "Comment")).Value);
        var change = Assert.Single(root.Descendants(R53 + "Change"));
        Assert.Equal(["Action", "ResourceRecordSet"], change.Elements().Select(e => e.Name.LocalName));
        Assert.Equal("UPSERT", change.Element(R53 + "Action")!.Value);
        var set = change.Element(R53 + "ResourceRecordSet")!;
        Assert.Equal(["Name", "Type", "TTL", "ResourceRecords"], set.Elements().Select(e => e.Name.LocalName));
        Assert.Equal("TXT", set.Element(R53 + "Type")!.Value);
        Assert.Equal("300", set.Element(R53 + "TTL")!.Value);
        Assert.Single(set.Descendants(R53 + "ResourceRecord"));
        Assert.True(SigV4Verifier.Verify(request, AwsClientHarness.SecretAccessKey), "signature does not verify");
        return set;
    }
}
