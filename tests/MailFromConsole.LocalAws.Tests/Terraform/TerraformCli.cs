using System.Text;
using MailFromConsole.LocalAws.Tests.Support;

namespace MailFromConsole.LocalAws.Tests.Terraform;

/// <summary>
/// Terraform with the hashicorp/aws provider from the machine's filesystem mirror, in a temp working directory:
/// a CLI configuration that installs from the mirror only (no registry, no plugin cache, no network).
/// </summary>
internal sealed class TerraformCli : IDisposable
{
    /// <summary>The xunit collection of the Terraform tests, so that they do not run at the same time.</summary>
    public const string Collection = "Terraform";

    public const string Program = "/usr/local/bin/terraform";
    public const string Mirror = "/opt/tf-plugins";
    public const string ProviderVersion = "5.100.0";

    private static readonly string ProviderFolder =
        Path.Combine(Mirror, "registry.terraform.io", "hashicorp", "aws", ProviderVersion, "linux_amd64");

    private readonly Dictionary<string, string?> _environment;

    private TerraformCli(string folder)
    {
        Folder = folder;
        var cliConfig = Path.Combine(folder, "cli.tfrc");
        File.WriteAllText(cliConfig, $$"""
            provider_installation {
              filesystem_mirror {
                path    = "{{Mirror}}"
                include = ["registry.terraform.io/hashicorp/aws"]
              }
            }
            """);
        _environment = new()
        {
            ["TF_CLI_CONFIG_FILE"] = cliConfig,
            ["TF_PLUGIN_CACHE_DIR"] = null,
            ["TF_IN_AUTOMATION"] = "1",
            ["TF_INPUT"] = "0",
            ["TF_LOG"] = null,
            ["CHECKPOINT_DISABLE"] = "1",
        };
    }

    public string Folder { get; }

    /// <summary>A fresh working directory holding <paramref name="configurationFile"/> (from the test output) as main.tf.</summary>
    public static TerraformCli Create(string configurationFile)
    {
        RequireInstalled();
        var folder = Path.Combine(Path.GetTempPath(), "localaws-terraform-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Terraform", configurationFile), Path.Combine(folder, "main.tf"));
        return new TerraformCli(folder);
    }

    /// <summary>Runs <c>terraform</c> with <paramref name="arguments"/>; its exit code and output.</summary>
    public Task<RealClient.Result> RunAsync(params string[] arguments) =>
        RealClient.RunAsync(Program, [.. arguments, "-no-color"], Folder, _environment, TimeSpan.FromMinutes(4));

    /// <summary>Runs and asserts the exit code, showing Terraform's own words when it differs.</summary>
    public async Task<RealClient.Result> ShouldRunAsync(int expectedExitCode, params string[] arguments)
    {
        var result = await RunAsync(arguments);
        Assert.True(result.ExitCode == expectedExitCode,
            $"terraform {string.Join(' ', arguments)} exited {result.ExitCode}, expected {expectedExitCode}:\n{Tail(result.Stdout)}\n{Tail(result.Stderr)}");
        return result;
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    private static void RequireInstalled()
    {
        var missing = new StringBuilder();
        if (!File.Exists(Program))
        {
            missing.AppendLine($"Terraform is missing: {Program} (CI machines have Terraform 1.x there).");
        }

        if (!Directory.Exists(ProviderFolder) || !Directory.EnumerateFiles(ProviderFolder, "terraform-provider-aws_*").Any())
        {
            missing.AppendLine($"The hashicorp/aws {ProviderVersion} provider is missing from the filesystem mirror: {ProviderFolder}.");
        }

        if (missing.Length > 0)
        {
            Assert.Fail(missing.ToString());
        }
    }

    private static string Tail(string text) => text.Length <= 6000 ? text : "…" + text[^6000..];
}
