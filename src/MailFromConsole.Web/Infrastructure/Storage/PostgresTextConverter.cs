using System.Text;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace MailFromConsole.Web.Infrastructure.Storage;

/// <summary>
/// Text as PostgreSQL can store it: NUL becomes U+2400 (the visible "symbol for null"), an unpaired surrogate U+FFFD
/// (what SQLite's UTF-8 gives back for it). Everything else is kept as is; read back unchanged.
/// </summary>
public sealed class PostgresTextConverter() : ValueConverter<string, string>(value => Storable(value), value => value)
{
    public const char NulStandIn = '\u2400';

    public static string Storable(string value)
    {
        if (!NeedsCleaning(value))
        {
            return value;
        }
        var text = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\0')
            {
                text.Append(NulStandIn);
            }
            else if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                text.Append(c).Append(value[++i]);
            }
            else
            {
                text.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return text.ToString();
    }

    private static bool NeedsCleaning(string value)
    {
        foreach (var c in value)
        {
            if (c == '\0' || char.IsSurrogate(c))
            {
                return true;
            }
        }
        return false;
    }
}
