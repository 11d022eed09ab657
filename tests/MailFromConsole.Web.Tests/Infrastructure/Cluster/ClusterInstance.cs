using MailFromConsole.Web.Infrastructure.Cluster;
using MailFromConsole.Web.Tests.Infrastructure.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MailFromConsole.Web.Tests.Infrastructure.Cluster;

/// <summary>
/// One console instance's storage and cluster services over a database, with their hosted services running, and what
/// a test adds (<c>more</c>: e.g. the account view, or the AWS clients).
/// </summary>
public sealed class ClusterInstance : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly List<IHostedService> _started = [];

    private ClusterInstance(ServiceProvider provider) => _provider = provider;

    public ILeaderLease Lease => _provider.GetRequiredService<ILeaderLease>();

    public IChangeNotifications Changes => _provider.GetRequiredService<IChangeNotifications>();

    public IServiceProvider Services => _provider;

    public static async Task<ClusterInstance> StartAsync(Dictionary<string, string?> settings, Action<IServiceCollection, IConfiguration>? more = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddConsoleCluster(configuration);
        more?.Invoke(services, configuration);
        var instance = new ClusterInstance(services.BuildServiceProvider());
        foreach (var hosted in instance._provider.GetServices<IHostedService>())
        {
            if (hosted is IHostedLifecycleService lifecycle) await lifecycle.StartingAsync(CancellationToken.None);
            await hosted.StartAsync(CancellationToken.None);
            instance._started.Add(hosted);
        }
        return instance;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var hosted in Enumerable.Reverse(_started))
        {
            await hosted.StopAsync(CancellationToken.None);
        }
        await _provider.DisposeAsync();
    }
}
