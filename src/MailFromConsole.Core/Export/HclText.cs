using System.Globalization;
using System.Text;

namespace MailFromConsole.Core.Export;

/// <summary>Terraform (HCL native syntax) literals and comments from untrusted text.</summary>
public static class HclText
{
    /// <summary>
    /// A quoted string that reads back as exactly <paramref name="value"/>: <c>\</c>, <c>"</c> and control characters
    /// escaped, and <c>${</c> / <c>%{</c> doubled so that nothing in the value is taken for a template.
    /// A lone surrogate (not text at all) becomes U+FFFD.
    /// </summary>
    public static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var next = i + 1 < value.Length ? value[i + 1] : '\0';
            switch (c)
            {
                case '\\': builder.Append(@"\\"); break;
                case '"': builder.Append("\\\""); break;
                case '\n': builder.Append(@"\n"); break;
                case '\r': builder.Append(@"\r"); break;
                case '\t': builder.Append(@"\t"); break;
                case '$' or '%' when next == '{': builder.Append(c).Append(c); break;
                case var _ when char.IsHighSurrogate(c) && char.IsLowSurrogate(next):
                    builder.Append(c).Append(next);
                    i++;
                    break;
                case var _ when char.IsSurrogate(c): builder.Append(@"\uFFFD"); break;
                case var _ when char.IsControl(c) || c is '\u2028' or '\u2029':
                    builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
                    break;
                default: builder.Append(c); break;
            }
        }
        return builder.Append('"').ToString();
    }

    /// <summary>A one-line <c>#</c> comment: line breaks and invisible characters shown as escapes, so the text cannot end the comment.</summary>
    public static string Comment(string text) => "# " + MessageText.Escape(text, 500);
}
