using System.Globalization;
using System.Text;

namespace MailFromConsole.Core.Export;

/// <summary>YAML double-quoted scalars and comments from untrusted text.</summary>
public static class YamlText
{
    /// <summary>
    /// A double-quoted scalar that reads back as exactly <paramref name="value"/>: <c>\</c> and <c>"</c> escaped, and
    /// every character outside YAML's printable set (and line breaks, NEL, BOM) as an escape. A lone surrogate becomes U+FFFD.
    /// </summary>
    public static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                builder.Append(c).Append(value[++i]);
                continue;
            }
            builder.Append(c switch
            {
                '\\' => @"\\",
                '"' => "\\\"",
                '\0' => @"\0",
                '\t' => @"\t",
                '\n' => @"\n",
                '\r' => @"\r",
                _ when char.IsSurrogate(c) => @"\uFFFD",
                _ when c < 0x20 || c is >= '\u007F' and <= '\u009F' || c is '\u2028' or '\u2029' or '\uFEFF' or '\uFFFE' or '\uFFFF'
                    => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"),
                _ => c.ToString(),
            });
        }
        return builder.Append('"').ToString();
    }

    /// <summary>A one-line <c>#</c> comment: line breaks and invisible characters shown as escapes.</summary>
    public static string Comment(string text) => "# " + MessageText.Escape(text, 500);
}
