using System.Globalization;
using System.Text;

namespace MailFromConsole.Core;

/// <summary>Renders untrusted text (user input, or AWS messages that quote it back) safely inside a message.</summary>
public static class MessageText
{
    /// <summary>
    /// Control and invisible characters and lone surrogates become visible escapes (<c>\r</c>, <c>\u200B</c>…), and
    /// text longer than <paramref name="maxLength"/> is cut with an ellipsis, so a hostile value cannot reshape the page.
    /// </summary>
    public static string Escape(string text, int maxLength)
    {
        var shown = text.Length > maxLength ? text[..maxLength] : text;
        var builder = new StringBuilder(shown.Length + 8);
        for (var i = 0; i < shown.Length; i++)
        {
            var c = shown[i];
            var pairedSurrogate = char.IsHighSurrogate(c) && i + 1 < shown.Length && char.IsLowSurrogate(shown[i + 1])
                                  || char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(shown[i - 1]);
            builder.Append(c switch
            {
                '\r' => "\\r",
                '\n' => "\\n",
                '\t' => "\\t",
                '\0' => "\\0",
                _ when IsInvisible(c) || char.IsSurrogate(c) && !pairedSurrogate => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            });
        }

        if (text.Length > maxLength)
        {
            builder.Append('…');
        }

        return builder.ToString();
    }

    /// <summary>Control characters and invisible separators that could hide in a pasted name or split a header.</summary>
    public static bool IsInvisible(char c) => char.IsControl(c) || c != ' ' && CharUnicodeInfo.GetUnicodeCategory(c) is
        UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.SpaceSeparator;
}
