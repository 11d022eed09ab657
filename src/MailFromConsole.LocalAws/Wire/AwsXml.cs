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
    /// The error shape both SES and Route 53 use. InvalidChangeBatch also lists each message under
    /// &lt;Messages&gt; as Route 53's own InvalidChangeBatch document does.
    /// </summary>
    public static XDocument Error(XNamespace ns, AwsError error, string requestId)
    {
        var body = new XElement(ns + "Error",
            new XElement(ns + "Type", error.Type),
            new XElement(ns + "Code", error.Code),
            new XElement(ns + "Message", XmlSafe(error.Message)));
        if (error.Messages is { } messages)
        {
            body.Add(new XElement(ns + "Messages", messages.Select(m => new XElement(ns + "Message", XmlSafe(m)))));
        }

        return new XDocument(new XElement(ns + "ErrorResponse", body, new XElement(ns + "RequestId", requestId)));
    }

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

    public static byte[] ToBytes(XDocument document)
    {
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false };
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, settings))
        {
            document.Save(writer);
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
