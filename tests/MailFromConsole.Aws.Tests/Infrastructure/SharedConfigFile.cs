using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace MailFromConsole.Aws.Tests.Infrastructure;

/// <summary>
/// AWSSDK.Core reads AWS_CONFIG_FILE once per process, at its first profile look-up. So the test process gets one temp
/// config file when it loads, before any SDK use (and never the developer's own ~/.aws/config); profile tests write it.
/// </summary>
internal static class SharedConfigFile
{
    public static string FilePath { get; private set; } = "";

    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255", Justification = "The SDK caches the path at first use: it must be set before any test runs.")]
    internal static void Initialize()
    {
        var folder = Directory.CreateTempSubdirectory("mfc-aws-config-");
        FilePath = Path.Combine(folder.FullName, "config");
        File.WriteAllText(FilePath, "");
        Environment.SetEnvironmentVariable("AWS_CONFIG_FILE", FilePath);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => folder.Delete(recursive: true);
    }
}
