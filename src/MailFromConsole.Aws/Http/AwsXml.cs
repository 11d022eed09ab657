using System.Xml;
using System.Xml.Linq;

namespace MailFromConsole.Aws.Http;

/// <summary>Parses response XML with DTDs refused: a response body never expands entities or fetches anything.</summary>
internal static class AwsXml
{
    private static readonly XmlReaderSettings Settings = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };

    public static XDocument Parse(string xml)
    {
        using var stringReader = new StringReader(xml);
        using var reader = XmlReader.Create(stringReader, Settings);
        return XDocument.Load(reader);
    }

    /// <summary>The first descendant with this local name, whatever the namespace the server used.</summary>
    public static XElement? Find(this XContainer container, string localName) =>
        container.Descendants().FirstOrDefault(e => e.Name.LocalName == localName);

    public static XElement? Child(this XElement element, string localName) =>
        element.Elements().FirstOrDefault(e => e.Name.LocalName == localName);

    public static IEnumerable<XElement> ChildrenNamed(this XElement element, string localName) =>
        element.Elements().Where(e => e.Name.LocalName == localName);

    public static string? ChildValue(this XElement element, string localName) => element.Child(localName)?.Value;
}
