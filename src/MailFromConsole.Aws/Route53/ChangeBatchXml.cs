using System.Globalization;
using System.Text;
using System.Xml;
using MailFromConsole.Aws.Http;
using MailFromConsole.Core.Route53;
using E = MailFromConsole.Aws.Route53.Route53Wire.Elements;

namespace MailFromConsole.Aws.Route53;

/// <summary>The ChangeResourceRecordSets body, written with <see cref="XmlWriter"/> so every value is escaped.</summary>
internal static class ChangeBatchXml
{
    public static byte[] Write(IReadOnlyList<RecordSetChange> changes, string? comment)
    {
        using var stream = new MemoryStream();
        // Entitize: a CR in a value is written as &#xD; so the reader gets it back instead of a normalised line end.
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false, CheckCharacters = true, NewLineHandling = NewLineHandling.Entitize };
        using (var writer = XmlWriter.Create(stream, settings))
        {
            var ns = Route53Wire.Namespace;
            writer.WriteStartDocument();
            writer.WriteStartElement(E.ChangeResourceRecordSetsRequest, ns);
            writer.WriteStartElement(E.ChangeBatch, ns);
            if (comment is not null)
                writer.WriteElementString(E.Comment, ns, comment);
            writer.WriteStartElement(E.Changes, ns);
            foreach (var change in changes)
                WriteChange(writer, change, ns);
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndDocument();
        }
        return stream.ToArray();
    }

    private static void WriteChange(XmlWriter writer, RecordSetChange change, string ns)
    {
        var set = change.RecordSet;
        writer.WriteStartElement(E.Change, ns);
        writer.WriteElementString(E.Action, ns, change.Action switch
        {
            ChangeAction.Create => Route53Wire.EnumValues.Create,
            ChangeAction.Delete => Route53Wire.EnumValues.Delete,
            ChangeAction.Upsert => Route53Wire.EnumValues.Upsert,
            _ => throw new ArgumentOutOfRangeException(nameof(change), change.Action, "Unknown change action."),
        });
        writer.WriteStartElement(E.ResourceRecordSet, ns);
        writer.WriteElementString(E.Name, ns, WireText.Require(set.Name, "record name"));
        writer.WriteElementString(E.Type, ns, set.Type.ToUpperInvariant());
        writer.WriteElementString(E.Ttl, ns, set.Ttl.ToString(CultureInfo.InvariantCulture));
        writer.WriteStartElement(E.ResourceRecords, ns);
        foreach (var value in set.Values)
        {
            writer.WriteStartElement(E.ResourceRecord, ns);
            writer.WriteElementString(E.Value, ns, TxtRecordValues.AppliesTo(set.Type) ? TxtRecordValues.ToWire(value) : value);
            writer.WriteEndElement();
        }
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteEndElement();
    }
}
