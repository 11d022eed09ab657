using System.Text;

namespace MailFromConsole.Aws.Route53;

/// <summary>Route 53's <c>\DDD</c> (octal) escapes, as it writes them in names and TXT values.</summary>
internal static class Route53Escapes
{
    /// <summary>Decodes <c>\DDD</c> octal escapes (bytes, read as UTF-8) and <c>\x</c> literal escapes.</summary>
    public static string Decode(string value)
    {
        if (!value.Contains('\\'))
            return value;
        var bytes = new List<byte>(value.Length);
        var run = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && IsOctal(value, i + 1))
            {
                Flush(run, bytes);
                bytes.Add((byte)(((value[i + 1] - '0') * 64) + ((value[i + 2] - '0') * 8) + (value[i + 3] - '0')));
                i += 3;
            }
            else if (value[i] == '\\' && i + 1 < value.Length)
            {
                run.Append(value[++i]);
            }
            else
            {
                run.Append(value[i]);
            }
        }
        Flush(run, bytes);
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    /// <summary>Escapes one byte for a TXT character-string: printable ASCII stays, <c>"</c> and <c>\</c> get a backslash, the rest becomes <c>\DDD</c>.</summary>
    public static void AppendEscaped(StringBuilder builder, byte b)
    {
        if (b is (byte)'"' or (byte)'\\')
            builder.Append('\\').Append((char)b);
        else if (b is >= 0x20 and < 0x7F)
            builder.Append((char)b);
        else
            builder.Append('\\').Append((char)('0' + (b >> 6))).Append((char)('0' + ((b >> 3) & 7))).Append((char)('0' + (b & 7)));
    }

    private static bool IsOctal(string value, int start) =>
        start + 2 < value.Length
        && value[start] is >= '0' and <= '3' && value[start + 1] is >= '0' and <= '7' && value[start + 2] is >= '0' and <= '7';

    private static void Flush(StringBuilder run, List<byte> bytes)
    {
        bytes.AddRange(Encoding.UTF8.GetBytes(run.ToString()));
        run.Clear();
    }
}
