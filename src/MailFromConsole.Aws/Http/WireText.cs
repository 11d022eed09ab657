using System.Text;

namespace MailFromConsole.Aws.Http;

/// <summary>
/// Values that go on the wire as UTF-8. A string with a lone surrogate has no UTF-8 form: encoding would silently
/// send U+FFFD instead of what the caller gave, so such a value is refused before anything is sent.
/// </summary>
internal static class WireText
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Require(string? value, string name)
    {
        ArgumentNullException.ThrowIfNull(value, name);
        return IsWellFormed(value) ? value : throw new ArgumentException($"The {name} value is not well-formed text (it holds a lone surrogate) and cannot be sent unchanged.", name);
    }

    /// <summary>The value's UTF-8 bytes; throws <see cref="ArgumentException"/> instead of replacing what cannot be encoded.</summary>
    public static byte[] Utf8(string value, string name) => Strict.GetBytes(Require(value, name));

    private static bool IsWellFormed(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                i++;
            else if (char.IsSurrogate(value[i]))
                return false;
        }
        return true;
    }
}
