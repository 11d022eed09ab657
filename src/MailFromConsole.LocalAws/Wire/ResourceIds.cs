using System.Security.Cryptography;

namespace MailFromConsole.LocalAws.Wire;

/// <summary>Ids shaped like AWS's: upper-case letters and digits with a one-letter prefix.</summary>
internal static class ResourceIds
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    public static string New(char prefix, int length = 20) =>
        prefix + RandomNumberGenerator.GetString(Alphabet, length);

    public static string RequestId() => Guid.NewGuid().ToString();
}
