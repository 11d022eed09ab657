using System.Text;
using MailFromConsole.Aws.Http;

namespace MailFromConsole.Aws.Route53;

/// <summary>
/// TXT (and SPF) values between their plain form (what the console works with) and Route 53's: one or more quoted
/// character-strings of at most 255 bytes each, with <c>"</c> and <c>\</c> escaped.
/// </summary>
internal static class TxtRecordValues
{
    public const int MaxStringBytes = 255;

    public static bool AppliesTo(string recordType) =>
        recordType.Equals("TXT", StringComparison.OrdinalIgnoreCase) || recordType.Equals("SPF", StringComparison.OrdinalIgnoreCase);

    public static string ToWire(string plain)
    {
        var bytes = WireText.Utf8(plain, "TXT value");
        var builder = new StringBuilder(bytes.Length + 8);
        var offset = 0;
        do
        {
            var length = Math.Min(MaxStringBytes, bytes.Length - offset);
            if (offset > 0)
                builder.Append(' ');
            builder.Append('"');
            for (var i = offset; i < offset + length; i++)
                Route53Escapes.AppendEscaped(builder, bytes[i]);
            builder.Append('"');
            offset += length;
        }
        while (offset < bytes.Length);
        return builder.ToString();
    }

    /// <summary>Joins the character-strings of one wire value into the plain text.</summary>
    public static string FromWire(string wire)
    {
        var joined = new StringBuilder(wire.Length);
        var i = 0;
        while (i < wire.Length)
        {
            if (char.IsWhiteSpace(wire[i]))
            {
                i++;
                continue;
            }
            var quoted = wire[i] == '"';
            var start = quoted ? i + 1 : i;
            var end = start;
            while (end < wire.Length && (quoted ? wire[end] != '"' : !char.IsWhiteSpace(wire[end])))
                end += wire[end] == '\\' ? 2 : 1;
            end = Math.Min(end, wire.Length);
            // Escapes stay in place here so a byte split across strings is decoded whole.
            joined.Append(wire, start, end - start);
            i = quoted ? end + 1 : end;
        }
        return Route53Escapes.Decode(joined.ToString());
    }
}
