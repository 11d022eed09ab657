namespace MailFromConsole.EndToEnd;

/// <summary>
/// Where the browser tests save their screenshots: artifacts/screenshots (not tracked), so a test run leaves the
/// work tree clean; with <c>MAILFROM_UPDATE_SCREENSHOTS=1</c> the tracked tests/MailFromConsole.EndToEnd/screenshots
/// that the README shows.
/// </summary>
internal static class ScreenshotFolder
{
    public const string UpdateVariable = "MAILFROM_UPDATE_SCREENSHOTS";

    public static string PathFor(string name)
    {
        var root = ConsoleApp.RepositoryRoot();
        var folder = Environment.GetEnvironmentVariable(UpdateVariable) == "1"
            ? Path.Combine(root, "tests", "MailFromConsole.EndToEnd", "screenshots")
            : Path.Combine(root, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name + ".png");
    }
}
