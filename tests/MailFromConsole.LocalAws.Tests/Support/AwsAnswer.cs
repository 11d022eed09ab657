using System.Net;
using System.Xml.Linq;

namespace MailFromConsole.LocalAws.Tests.Support;

/// <summary>An answer of the local AWS: status, parsed XML (and the text as sent, and Location), with helpers to read AWS's shapes.</summary>
internal sealed record AwsAnswer(HttpStatusCode Status, XDocument Xml, string Text = "", string? Location = null)
{
    public static readonly XNamespace Ses = "http://ses.amazonaws.com/doc/2010-12-01/";
    public static readonly XNamespace Route53 = "https://route53.amazonaws.com/doc/2013-04-01/";

    public XNamespace Ns => Xml.Root!.Name.Namespace;

    public string? ErrorCode => Xml.Root!.Element(Ns + "Error")?.Element(Ns + "Code")?.Value;

    public string? ErrorMessage => Xml.Root!.Element(Ns + "Error")?.Element(Ns + "Message")?.Value;

    public IEnumerable<XElement> All(string localName) => Xml.Descendants(Ns + localName);

    public string? Value(string localName) => All(localName).FirstOrDefault()?.Value;

    /// <summary>An SES map (entry/key/value) as key → value element.</summary>
    public IReadOnlyDictionary<string, XElement> Map(string mapName) =>
        All(mapName).Single().Elements(Ns + "entry")
            .ToDictionary(e => e.Element(Ns + "key")!.Value, e => e.Element(Ns + "value")!);

    public void ShouldSucceed()
    {
        Assert.True(Status == HttpStatusCode.OK || Status == HttpStatusCode.Created, $"Expected success, got {(int)Status}: {Xml}");
    }

    public void ShouldFail(HttpStatusCode status, string code)
    {
        Assert.True(Status == status && ErrorCode == code, $"Expected {(int)status} {code}, got {(int)Status}: {Xml}");
    }
}
