using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace MailFromConsole.LocalAws.Wire;

/// <summary>Builds AWS response and error documents; XLinq encodes every value, so hostile text stays text.</summary>
internal static class AwsXml
{
    public static readonly XNamespace Ses = "http://ses.amazonaws.com/doc/2010-12-01/";
    public static readonly XNamespace Route53 = "https://route53.amazonaws.com/doc/2013-04-01/";

    /// <summary>The SES Query shape: &lt;XResponse&gt;&lt;XResult&gt;…&lt;/XResult&gt;&lt;ResponseMetadata&gt;.</summary>
    public static XDocument SesResponse(string action, string requestId, params object?[] resultContent) =>
        QueryResponse(Ses, action, requestId, resultContent);

    /// <summary>The Query protocol's answer shape (SES, STS) in the service's namespace.</summary>
    public static XDocument QueryResponse(XNamespace ns, string action, string requestId, params object?[] resultContent) =>
        new(new XElement(ns + (action + "Response"),
            new XElement(ns + (action + "Result"), resultContent),
            new XElement(ns + "ResponseMetadata", new XElement(ns + "RequestId", requestId))));

    /// <summary>
    /// The error shape both SES and Route 53 use: ErrorResponse/Error(Type, Code, Message)/RequestId. Route 53
    /// sends InvalidChangeBatch in this shape too, every problem in one Message as "[a, b]" and no
    /// &lt;Messages&gt; block: compared with real answers quoted in aws-sdk-kotlin PR #1435 (2024, "Route53 no
    /// longer returns non-standard InvalidChangeBatch errors"), aws-cli issue #2071 and
    /// stalwartlabs/dns-update issue #44 (Route 53), and boto's printed SES errors (e.g. MessageRejected, 2019).
    /// </summary>
    public static XDocument Error(XNamespace ns, AwsError error, string requestId) =>
        new(new XElement(ns + "ErrorResponse",
            new XElement(ns + "Error",
                new XElement(ns + "Type", error.Type),
                new XElement(ns + "Code", error.Code),
                new XElement(ns + "Message", XmlSafe(error.Message))),
            new XElement(ns + "RequestId", requestId)));

    /// <summary>
    /// Error messages quote the caller's input, which may hold characters XML 1.0 cannot carry (NUL, lone
    /// surrogates): those become U+FFFD so the answer stays well-formed.
    /// </summary>
    public static string XmlSafe(string text)
    {
        if (text.All(XmlConvert.IsXmlChar))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                builder.Append(text, i, 2);
                i++;
            }
            else
            {
                builder.Append(XmlConvert.IsXmlChar(text[i]) ? text[i] : '\uFFFD');
            }
        }

        return builder.ToString();
    }

    public static XElement Members(XNamespace ns, string name, IEnumerable<string> values) =>
        new(ns + name, values.Select(v => new XElement(ns + "member", v)));

    /// <summary>
    /// Writes a document framed as the service frames it (same sources as <see cref="Error"/>): Route 53 with
    /// <c>&lt;?xml version="1.0"?&gt;</c>, a line break and no whitespace between elements; SES with no XML
    /// declaration, elements indented by two spaces, one per line.
    /// </summary>
    public static byte[] ToBytes(XDocument document)
    {
        var route53 = document.Root?.Name.Namespace == Route53;
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(false),
            OmitXmlDeclaration = true,
            Indent = !route53,
            IndentChars = "  ",
            NewLineChars = "\n",
        };
        using var stream = new MemoryStream();
        if (route53)
        {
            stream.Write("<?xml version=\"1.0\"?>\n"u8);
        }

        using (var writer = XmlWriter.Create(stream, settings))
        {
            document.Save(writer);
        }

        if (!route53)
        {
            stream.Write("\n"u8);
        }

        return stream.ToArray();
    }

    /// <summary>Parses a request body without DTDs or external entities.</summary>
    public static XDocument Parse(byte[] body)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(body), settings);
            return XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            throw new AwsError(400, "MalformedInput", "Could not parse the request body: " + e.Message);
        }
    }
}
