using System.Diagnostics;

namespace MailFromConsole.LocalAws.Tests.Support;

/// <summary>
/// Runs real AWS clients (Debian's /usr/bin/aws and /usr/bin/python3 + boto3, and Terraform through
/// <see cref="RunAsync"/>) against the local endpoint, with a private HOME and only the local credentials.
/// </summary>
internal static class RealClient
{
    public const string AwsCli = "/usr/bin/aws";
    public const string Python = "/usr/bin/python3";

    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static Task<Result> AwsAsync(Uri endpoint, params string[] arguments)
    {
        Require(AwsCli, "awscli");
        return RunAsync(AwsCli, ["--endpoint-url", endpoint.ToString().TrimEnd('/'), "--output", "json", .. arguments]);
    }

    /// <summary>The aws CLI signing with the key (and session token) of <paramref name="signing"/>.</summary>
    public static Task<Result> AwsAsAsync(Uri endpoint, Signing signing, params string[] arguments)
    {
        Require(AwsCli, "awscli");
        var credentials = new Dictionary<string, string?>
        {
            ["AWS_ACCESS_KEY_ID"] = signing.AccessKey,
            ["AWS_SECRET_ACCESS_KEY"] = signing.Secret,
            ["AWS_SESSION_TOKEN"] = signing.SessionToken,
            ["AWS_DEFAULT_REGION"] = signing.Region,
        };
        return RunAsync(AwsCli, ["--endpoint-url", endpoint.ToString().TrimEnd('/'), "--output", "json", .. arguments], environment: credentials);
    }

    public static Task<Result> PythonAsync(string script, params string[] arguments)
    {
        Require(Python, "python3-boto3");
        return RunAsync(Python, ["-c", script, .. arguments]);
    }

    private static void Require(string path, string package)
    {
        if (!File.Exists(path))
        {
            Assert.Fail($"{path} is missing: the real-client checks need Debian's {package} (apt-get install -y {package}); CI installs it.");
        }
    }

    /// <param name="workingDirectory">Where the program runs (the temp HOME when null).</param>
    /// <param name="environment">Variables set after the AWS_ ones are cleared (null removes one).</param>
    public static async Task<Result> RunAsync(string program, IEnumerable<string> arguments, string? workingDirectory = null,
        IReadOnlyDictionary<string, string?>? environment = null, TimeSpan? timeout = null)
    {
        var home = Path.Combine(Path.GetTempPath(), "localaws-home-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(home);
        try
        {
            var start = new ProcessStartInfo(program)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = workingDirectory ?? home,
            };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            // No user configuration may leak in: a private HOME and only the local credentials.
            foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("AWS_", StringComparison.Ordinal)).ToList())
            {
                start.Environment.Remove(name);
            }

            start.Environment["HOME"] = home;
            start.Environment["AWS_ACCESS_KEY_ID"] = "test";
            start.Environment["AWS_SECRET_ACCESS_KEY"] = "test";
            start.Environment["AWS_DEFAULT_REGION"] = "us-east-1";
            start.Environment["AWS_PAGER"] = "";
            start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
            start.Environment["AWS_MAX_ATTEMPTS"] = "1";
            foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
            {
                start.Environment[name] = value;
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            var wait = timeout ?? TimeSpan.FromSeconds(60);
            using var limit = new CancellationTokenSource(wait);
            try
            {
                await process.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                // A hung client must not outlive the test (Terraform starts its provider as a child).
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish within {wait}.");
            }

            return new Result(process.ExitCode, await stdout, await stderr);
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }
}
