namespace MailFromConsole.Web.Infrastructure.Hosting;

/// <summary>
/// Finds the repository's top level: the folder with the ONE <c>appsettings.json</c> and <c>wwwroot-assets/</c>.
/// <c>dotnet run --project src/MailFromConsole.Web</c> starts in the repo root, tests start in their bin folder,
/// and the build links both into the output folder as the last resort.
/// </summary>
public static class ContentLocator
{
    public const string AssetsFolder = "wwwroot-assets";

    public static string FindContentRoot() => FindContentRoot(Directory.GetCurrentDirectory(), AppContext.BaseDirectory);

    /// <summary>The first folder, walking up from each start in turn, that holds both; else the last start.</summary>
    public static string FindContentRoot(params string[] starts)
    {
        foreach (var start in starts)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (IsContentRoot(dir.FullName)) return dir.FullName;
            }
        }
        return starts[^1];
    }

    private static bool IsContentRoot(string path) =>
        File.Exists(Path.Combine(path, "appsettings.json")) && Directory.Exists(Path.Combine(path, AssetsFolder));
}
