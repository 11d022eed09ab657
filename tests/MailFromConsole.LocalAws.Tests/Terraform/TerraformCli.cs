using System.Text;
using System.Text.Json;
using MailFromConsole.LocalAws.Tests.Support;

namespace MailFromConsole.LocalAws.Tests.Terraform;

/// <summary>
/// Terraform with the hashicorp/aws provider from the machine's filesystem mirror, in a temp working directory.
/// To reuse it: put your .tf beside provider.tf in this folder (the csproj copies Terraform/*.tf to the output), then
/// <c>using var terraform = await TerraformCli.InitAsync("my.tf", aws.Endpoint, domain);</c> and ApplyAsync,
/// OutputsAsync, PlanIsCleanAsync, DestroyAsync. Put the class in this namespace (run-all.sh runs these tests beside
/// the other projects) and give it no [Collection]: each class is its own collection, so classes run side by side.
/// </summary>
internal sealed class TerraformCli : IDisposable
{
    public const string Program = "/usr/local/bin/terraform";
    public const string Mirror = "/opt/tf-plugins";
    public const string ProviderVersion = "5.100.0";

    // Only a guard against a hung run: each command starts the 700 MB provider several times, which takes
    // minutes on a machine loaded by parallel builds.
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(10);

    private static readonly string ProviderFolder =
        Path.Combine(Mirror, "registry.terraform.io", "hashicorp", "aws", ProviderVersion, "linux_amd64");

    /// <summary>
    /// One <c>terraform init</c> per test run, from the mirror only (no registry, no network); every working
    /// directory takes its lock file and links its provider folder instead of running init again.
    /// </summary>
    private static readonly Lazy<Task<string>> SharedInit = new(InitOnceAsync);

    private readonly Dictionary<string, string?> _environment;
    private readonly string[] _variables;

    private TerraformCli(string folder, string[] variables, string cliConfig)
    {
        Folder = folder;
        _variables = variables;
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

    /// <summary>
    /// A fresh, initialised working directory holding <paramref name="configurationFile"/> (from the test output)
    /// as main.tf beside provider.tf, its variables pointing at <paramref name="endpoint"/> and <paramref name="domain"/>.
    /// </summary>
    public static async Task<TerraformCli> InitAsync(string configurationFile, Uri endpoint, string domain)
    {
        var init = await SharedInit.Value;
        var folder = NewFolder("localaws-terraform-");
        var source = Path.Combine(AppContext.BaseDirectory, "Terraform");
        File.Copy(Path.Combine(source, configurationFile), Path.Combine(folder, "main.tf"));
        File.Copy(Path.Combine(source, "provider.tf"), Path.Combine(folder, "provider.tf"));
        File.Copy(Path.Combine(init, LockFile), Path.Combine(folder, LockFile));
        Directory.CreateDirectory(Path.Combine(folder, ".terraform"));
        Directory.CreateSymbolicLink(Path.Combine(folder, ".terraform", "providers"), Path.Combine(init, ".terraform", "providers"));
        return new TerraformCli(folder, ["-var", $"endpoint={endpoint.ToString().TrimEnd('/')}", "-var", $"domain={domain}"], CliConfig(init));
    }

    public Task ApplyAsync() => ShouldRunAsync(0, ["apply", "-auto-approve", "-parallelism=10", .. _variables]);

    /// <summary>A second plan must find nothing to change (exit code 0 of -detailed-exitcode; 2 means changes).</summary>
    public Task PlanIsCleanAsync() => ShouldRunAsync(0, ["plan", "-detailed-exitcode", "-parallelism=10", .. _variables]);

    /// <summary>Destroys what the state holds; no refresh first (the clean plan already read everything back).</summary>
    public Task DestroyAsync() => ShouldRunAsync(0, ["destroy", "-auto-approve", "-refresh=false", "-parallelism=10", .. _variables]);

    /// <summary>The value of each output after apply.</summary>
    public async Task<IReadOnlyDictionary<string, JsonElement>> OutputsAsync()
    {
        var json = JsonDocument.Parse((await ShouldRunAsync(0, "output", "-json")).Stdout).RootElement;
        return json.EnumerateObject().ToDictionary(o => o.Name, o => o.Value.GetProperty("value").Clone());
    }

    /// <summary>Runs <c>terraform</c> and asserts the exit code, showing Terraform's own words when it differs.</summary>
    private async Task<RealClient.Result> ShouldRunAsync(int expectedExitCode, params string[] arguments)
    {
        var result = await RealClient.RunAsync(Program, [.. arguments, "-no-color"], Folder, _environment, CommandTimeout);
        Assert.True(result.ExitCode == expectedExitCode,
            $"terraform {string.Join(' ', arguments)} exited {result.ExitCode}, expected {expectedExitCode}:\n{Tail(result.Stdout)}\n{Tail(result.Stderr)}");
        return result;
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    private const string LockFile = ".terraform.lock.hcl";

    private static string CliConfig(string initFolder) => Path.Combine(initFolder, "cli.tfrc");

    private static async Task<string> InitOnceAsync()
    {
        RequireInstalled();
        var folder = NewFolder("localaws-terraform-init-");
        // The run's last test may still use it: the temp folder goes when the test process ends.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(folder, recursive: true);
        File.WriteAllText(CliConfig(folder), $$"""
            provider_installation {
              filesystem_mirror {
                path    = "{{Mirror}}"
                include = ["registry.terraform.io/hashicorp/aws"]
              }
            }
            """);
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Terraform", "provider.tf"), Path.Combine(folder, "provider.tf"));
        await new TerraformCli(folder, [], CliConfig(folder)).ShouldRunAsync(0, "init", "-input=false");
        return folder;
    }

    private static string NewFolder(string prefix)
    {
        var folder = Path.Combine(Path.GetTempPath(), prefix + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

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
