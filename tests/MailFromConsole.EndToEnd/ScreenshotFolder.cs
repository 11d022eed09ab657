namespace MailFromConsole.EndToEnd;

/// <summary>Screenshots of the main screens land beside these tests, in screenshots/, for the README.</summary>
internal static class ScreenshotFolder
{
    public static string PathFor(string name)
    {
        var folder = Path.Combine(ConsoleApp.RepositoryRoot(), "tests", "MailFromConsole.EndToEnd", "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name + ".png");
    }
}
