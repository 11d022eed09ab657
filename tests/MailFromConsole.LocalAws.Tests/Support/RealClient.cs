using System.Diagnostics;

namespace MailFromConsole.LocalAws.Tests.Support;

/// <summary>Runs Debian's real AWS clients (/usr/bin/aws, /usr/bin/python3 + boto3) against the local endpoint.</summary>
internal static class RealClient
{
    public const string AwsCli = "/usr/bin/aws";
    public const string Python = "/usr/bin/python3";

    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static Task<Result> AwsAsync(Uri endpoint, params string[] arguments) => AwsAsAsync(endpoint, Signing.Default, arguments);

    /// <summary>The aws CLI with the key (and session token) of <paramref name="signing"/> in its environment.</summary>
    public static Task<Result> AwsAsAsync(Uri endpoint, Signing signing, params string[] arguments)
    {
        Require(AwsCli, "awscli");
        return RunAsync(AwsCli, ["--endpoint-url", endpoint.ToString().TrimEnd('/'), "--output", "json", .. arguments], signing);
    }

    public static Task<Result> PythonAsync(string script, params string[] arguments)
    {
        Require(Python, "python3-boto3");
        return RunAsync(Python, ["-c", script, .. arguments], Signing.Default);
    }

    private static void Require(string path, string package)
    {
        if (!File.Exists(path))
        {
            Assert.Fail($"{path} is missing: the real-client checks need Debian's {package} (apt-get install -y {package}); CI installs it.");
        }
    }

    private static async Task<Result> RunAsync(string program, IEnumerable<string> arguments, Signing signing)
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
            start.Environment["AWS_ACCESS_KEY_ID"] = signing.AccessKey;
            start.Environment["AWS_SECRET_ACCESS_KEY"] = signing.Secret;
            if (signing.SessionToken is not null)
            {
                start.Environment["AWS_SESSION_TOKEN"] = signing.SessionToken;
            }

            start.Environment["AWS_DEFAULT_REGION"] = signing.Region;
            start.Environment["AWS_PAGER"] = "";
            start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
            start.Environment["AWS_MAX_ATTEMPTS"] = "1";

            using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(timeout.Token);
            return new Result(process.ExitCode, await stdout, await stderr);
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }
}
