using MailFromConsole.Web.Features.View;
using MailFromConsole.Web.Infrastructure.Storage;
using MailFromConsole.Web.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace MailFromConsole.Web.Tests.Features.View;

/// <summary>
/// The console's account view, sweeper and alerts as the app wires them, over the fake AWS, a fake clock and a real
/// SQLite console database in a temp folder; <see cref="RestartAsync"/> starts a second host on the same database.
/// </summary>
public sealed class ViewTestHost : IAsyncDisposable
{
    private readonly string folder;
    private readonly bool ownsFolder;
    private readonly List<IServiceScope> scopes = [];
    private ServiceProvider? services;

    public ViewTestHost() : this(new FakeAws(), Path.Combine(Path.GetTempPath(), "mfc-view-" + Guid.NewGuid().ToString("N")), ownsFolder: true)
    {
    }

    private ViewTestHost(FakeAws aws, string folder, bool ownsFolder)
    {
        Aws = aws;
        this.folder = folder;
        this.ownsFolder = ownsFolder;
    }

    public FakeAws Aws { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));

    public ServiceProvider Services => services ?? throw new InvalidOperationException("Call StartAsync first.");

    public AccountView View => Services.GetRequiredService<AccountView>();

    public AccountViewSweeper Sweeper => Services.GetRequiredService<AccountViewSweeper>();

    public async Task StartAsync()
    {
        services = new ServiceCollection()
            .AddTestServices(Aws, instantSweep: false)
            .AddSingleton(StorageOptions.ForSqliteFile(Path.Combine(folder, StorageOptions.SqliteFileName)))
            .AddSingleton<TimeProvider>(Time)
            .BuildServiceProvider();
        services.SignInAs(TestUsers.DefaultRole);
        await View.LoadSavedAsync(CancellationToken.None);
    }

    /// <summary>A second console on the same database and the same AWS, as after a restart.</summary>
    public async Task<ViewTestHost> RestartAsync()
    {
        var restarted = new ViewTestHost(Aws, folder, ownsFolder: false);
        restarted.Time.SetUtcNow(Time.GetUtcNow());
        await restarted.StartAsync();
        return restarted;
    }

    /// <summary>A circuit's view state.</summary>
    public IAccountViewState CircuitState()
    {
        var scope = Services.CreateScope();
        scopes.Add(scope);
        return scope.ServiceProvider.GetRequiredService<IAccountViewState>();
    }

    /// <summary>Lists the region and reads every SES part until nothing is due.</summary>
    public Task CatchUpAsync(string region) => SweepToTheEnd.RunAsync(Sweeper, View, region, withDns: false);

    public async ValueTask DisposeAsync()
    {
        foreach (var scope in scopes) scope.Dispose();
        if (services is not null) await services.DisposeAsync();
        if (!ownsFolder) return;
        await Aws.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }
}
