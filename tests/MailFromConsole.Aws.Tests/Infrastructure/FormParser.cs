namespace MailFromConsole.Aws.Tests.Infrastructure;

internal static class FormParser
{
    public static IReadOnlyList<KeyValuePair<string, string>> Parse(string body) =>
        body.Length == 0
            ? []
            : body.Split('&').Select(pair =>
            {
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                var key = eq < 0 ? pair : pair[..eq];
                var value = eq < 0 ? "" : pair[(eq + 1)..];
                return new KeyValuePair<string, string>(Decode(key), Decode(value));
            }).ToList();

    private static string Decode(string s) => Uri.UnescapeDataString(s.Replace('+', ' '));
}
