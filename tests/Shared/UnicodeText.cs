namespace MailFromConsole.Testing;

/// <summary>Checks on text that came back from code fed with the hostile inputs (compiled into every test project).</summary>
public static class UnicodeText
{
    /// <summary>True when <paramref name="text"/> holds a surrogate that is not half of a well-formed pair.</summary>
    public static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }
}
