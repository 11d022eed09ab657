using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MailFromConsole.Aws;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MailFromConsole.EndToEnd;

/// <summary>
/// The console as a newcomer runs it: the built web app as its own process, on the embedded local AWS with demo data,
/// in a fresh data folder so every test run starts from the seeds.
/// </summary>
public sealed class ConsoleApp : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly string _dataFolder;

    /// <summary>False once a restart took the data folder over: this instance must not delete it.</summary>
    private bool _ownsDataFolder = true;

    private ConsoleApp(Process process, Uri baseUrl, string dataFolder)
    {
        _process = process;
        BaseUrl = baseUrl;
        _dataFolder = dataFolder;
    }

    public Uri BaseUrl { get; }

    /// <summary>The embedded local AWS (SES, Route 53, and the local "other DNS provider" page), read from the console's log.</summary>
    public Uri LocalAwsUrl
    {
        get
        {
            var match = System.Text.RegularExpressions.Regex.Match(Output, @"Local AWS \(SES \+ Route 53\) listening on (http://\S+?),? ");
            return match.Success ? new Uri(match.Groups[1].Value) : throw new InvalidOperationException("The console did not log its local AWS address:\n" + Output);
        }
    }

    public string Output { get { lock (_output) { return _output.ToString(); } } }

    /// <param name="environment">Environment variables of the process (null removes one), e.g. the AWS SDK's AWS_CONFIG_FILE.</param>
    public static Task<ConsoleApp> StartAsync(IReadOnlyDictionary<string, string>? settings = null, IReadOnlyDictionary<string, string?>? environment = null) =>
        StartInAsync(Path.Combine(Path.GetTempPath(), "mfc-e2e-" + Guid.NewGuid().ToString("N")), FreeTcpPort(), settings, environment);

    /// <summary>Like <see cref="StartAsync"/>, on a data folder prepared beforehand (e.g. a local AWS seeded with many identities), which it then owns.</summary>
    public static Task<ConsoleApp> StartOnAsync(string dataFolder, IReadOnlyDictionary<string, string>? settings = null) =>
        StartInAsync(dataFolder, FreeTcpPort(), settings);

    /// <summary>
    /// Stops the process abruptly (as a crash or a redeploy would) and starts the console again on the same data
    /// folder and address, with <paramref name="settings"/> in place of the first start's.
    /// </summary>
    public async Task<ConsoleApp> RestartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        _ownsDataFolder = false;
        await DisposeAsync();
        return await StartInAsync(_dataFolder, BaseUrl.Port, settings);
    }

    private static async Task<ConsoleApp> StartInAsync(string dataFolder, int port, IReadOnlyDictionary<string, string>? settings, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var root = RepositoryRoot();
        var dll = Path.Combine(root, "src", "MailFromConsole.Web", "bin", BuildConfiguration, "net10.0", "MailFromConsole.Web.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"Build the solution first: {dll} is missing.");
        }

        var baseUrl = new Uri($"http://127.0.0.1:{port}");
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(baseUrl.ToString());
        var arguments = new Dictionary<string, string>
        {
            ["LocalAws:DataFolder"] = dataFolder,
            ["LocalAws:HttpPort"] = "0",
            ["LocalAws:DnsPort"] = "0",
            ["LocalAws:DetectionInterval"] = "00:00:01",
            ["LocalAws:ChangePropagationDelay"] = "00:00:01",
            ["Auth:DataFolder"] = Path.Combine(dataFolder, "console"),
            // Every test signs in afresh; the login limits guard real users, not this suite.
            ["Auth:FailedSignInsBeforeDelay"] = "100",
            ["Auth:LoginAttemptsPerMinutePerAddress"] = "1000",
            // The waits the tests watch, at test speed: the assistant's checklist and the INSYNC poll.
            ["Guided:ChecklistRefreshInterval"] = "00:00:01",
            ["Console:ChangePollInterval"] = "00:00:01",
        };
        var index = 0;
        foreach (var user in TestUsers.All)
        {
            arguments[$"Auth:Users:{index}:Name"] = user.Name;
            arguments[$"Auth:Users:{index}:Role"] = user.Role;
            arguments[$"Auth:Users:{index}:PasswordHash"] = user.PasswordHash;
            index++;
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            arguments[key] = value;
        }
        foreach (var (key, value) in arguments)
        {
            info.ArgumentList.Add($"--{key}={value}");
        }
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null) info.Environment.Remove(name);
            else info.Environment[name] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the console.");
        var app = new ConsoleApp(process, baseUrl, dataFolder);
        process.OutputDataReceived += (_, e) => app.Append(e.Data);
        process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await app.WaitUntilServingAsync();
        }
        catch
        {
            // A console that never served must not outlive the test run.
            await app.DisposeAsync();
            throw;
        }
        return app;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) { _output.AppendLine(line); }
    }

    private async Task WaitUntilServingAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                // Exited is known before the last lines of its output have arrived: wait for the streams to end.
                await _process.WaitForExitAsync();
                throw new InvalidOperationException($"The console exited with {_process.ExitCode}:\n{Output}");
            }
            try
            {
                using var response = await http.GetAsync(BaseUrl);
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet: the process is still starting.
            }
            catch (TaskCanceledException ex) when (ex.InnerException is TimeoutException)
            {
                // Listening but not answering yet (a loaded machine): still starting, within the overall deadline.
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"The console did not answer at {BaseUrl} within 60 s:\n{Output}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        if (_ownsDataFolder && Directory.Exists(_dataFolder))
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
    }

    private static string BuildConfiguration =>
#if DEBUG
        "Debug";
#else
        "Release";
#endif

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MailFromConsole.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("MailFromConsole.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Stops the process at once, as a crash or a killed container would (no orderly shutdown).</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>The console's own AWS wire clients (<c>IRoute53Client</c>, <c>ISesClient</c>), signed for the embedded local AWS, as the aws CLI would reach it.</summary>
    public ServiceProvider LocalAwsClients()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Aws:SesServiceUrl"] = LocalAwsUrl.ToString(),
            ["Aws:Route53ServiceUrl"] = LocalAwsUrl.ToString(),
            ["Aws:AccessKeyId"] = "test",
            ["Aws:SecretAccessKey"] = "test",
        }).Build();
        return new ServiceCollection().AddLogging().AddAwsClients(configuration).BuildServiceProvider();
    }

    internal static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
