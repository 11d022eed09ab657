using System.Diagnostics;

namespace MailFromConsole.Testing;

/// <summary>
/// The real PostgreSQL server the storage and multi-instance tests use: <c>MFC_TEST_POSTGRES</c> (set by
/// tests/run-all.sh, which starts and stops it). Outside CI a missing variable starts this checkout's own cluster with
/// tests/postgres.sh (left running for the next run; <c>tests/postgres.sh stop</c> ends it); under CI it is an error,
/// so a broken set-up fails the run instead of skipping the PostgreSQL half.
/// </summary>
public static class TestPostgres
{
    public const string Variable = "MFC_TEST_POSTGRES";

    private static readonly Lazy<string> Server = new(Find);

    /// <summary>An Npgsql connection string to the server's <c>postgres</c> database, as a superuser.</summary>
    public static string ServerConnectionString => Server.Value;

    private static string Find()
    {
        var configured = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"{Variable} is not set: under CI, tests/run-all.sh must start PostgreSQL (tests/postgres.sh) before the tests.");
        }
        var script = Path.Combine(RepositoryRoot(), "tests", "postgres.sh");
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add("start");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not run " + script);
        var output = process.StandardOutput.ReadToEnd();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        const string prefix = "export " + Variable + "='";
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal));
        if (process.ExitCode != 0 || line is null)
        {
            throw new InvalidOperationException($"{script} start failed ({process.ExitCode}):\n{output}\n{errors}");
        }
        return line[prefix.Length..].TrimEnd('\'');
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MailFromConsole.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("MailFromConsole.sln not found above " + AppContext.BaseDirectory);
    }
}
