using System.Xml.Linq;

namespace MailFromConsole.LocalAws.Tests.Support;

/// <summary>Builds Route 53 request bodies the way the SDKs serialise them.</summary>
internal static class Route53Xml
{
    private static readonly XNamespace Ns = AwsAnswer.Route53;

    public static XElement Change(string action, string name, string type, long ttl, params string[] values) =>
        new(Ns + "Change",
            new XElement(Ns + "Action", action),
            new XElement(Ns + "ResourceRecordSet",
                new XElement(Ns + "Name", name),
                new XElement(Ns + "Type", type),
                new XElement(Ns + "TTL", ttl),
                new XElement(Ns + "ResourceRecords", values.Select(v => new XElement(Ns + "ResourceRecord", new XElement(Ns + "Value", v))))));

    public static XDocument Batch(params XElement[] changes) =>
        new(new XElement(Ns + "ChangeResourceRecordSetsRequest",
            new XElement(Ns + "ChangeBatch", new XElement(Ns + "Changes", changes))));

    public static XDocument CreateZone(string name, string callerReference) =>
        new(new XElement(Ns + "CreateHostedZoneRequest",
            new XElement(Ns + "Name", name),
            new XElement(Ns + "CallerReference", callerReference)));

    /// <summary>The bare id of the seeded zone with this apex.</summary>
    public static async Task<string> ZoneIdAsync(LocalAwsFixture aws, string apex)
    {
        var answer = await aws.Route53Async(HttpMethod.Get, $"/2013-04-01/hostedzonesbyname?dnsname={apex}&maxitems=1");
        var zone = answer.All("HostedZone").Single();
        Assert.Equal(apex, zone.Element(Ns + "Name")!.Value);
        return zone.Element(Ns + "Id")!.Value.Replace("/hostedzone/", "", StringComparison.Ordinal);
    }
}
