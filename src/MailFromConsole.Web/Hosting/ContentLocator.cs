namespace MailFromConsole.Web.Hosting;

/// <summary>
/// Finds the repository's top level: the folder with the ONE <c>appsettings.json</c> and <c>wwwroot-assets/</c>.
/// <c>dotnet run --project src/MailFromConsole.Web</c> starts in the repo root, tests start in their bin folder,
/// and the build links both into the output folder as the last resort.
/// </summary>
public static class ContentLocator
{
    public const string AssetsFolder = "wwwroot-assets";

    public static string FindContentRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (IsContentRoot(dir.FullName)) return dir.FullName;
            }
        }
        return AppContext.BaseDirectory;
    }

    private static bool IsContentRoot(string path) =>
        File.Exists(Path.Combine(path, "appsettings.json")) && Directory.Exists(Path.Combine(path, AssetsFolder));
}
