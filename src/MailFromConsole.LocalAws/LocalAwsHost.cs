using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MailFromConsole.LocalAws;

/// <summary>
/// Runs the embedded local AWS for the lifetime of a host (the console). Hosted services start before the app
/// serves requests, so <see cref="Server"/> is ready by the time any page or client needs its endpoint.
/// </summary>
public sealed class LocalAwsHost(LocalAwsOptions options, ILoggerFactory loggerFactory, TimeProvider time) : IHostedService, IAsyncDisposable
{
    private readonly TaskCompletionSource<LocalAwsServer> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private LocalAwsServer? _server;

    /// <summary>The running server; throws before the host has started it.</summary>
    public LocalAwsServer Server => _server ?? throw new InvalidOperationException("The local AWS has not started yet.");

    /// <summary>Completes when the server runs (for code that may run before hosted services have started).</summary>
    public Task<LocalAwsServer> Started => _started.Task;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            _server = await LocalAwsServer.StartAsync(options, loggerFactory, time, cancellationToken);
            _started.TrySetResult(_server);
        }
        catch (Exception e)
        {
            _started.TrySetException(e);
            throw;
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is { } server)
        {
            _server = null;
            await server.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None);
}

public static class LocalAwsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="LocalAwsHost"/> (a hosted service) with options bound from the "LocalAws" section.
    /// A relative DataFolder is taken relative to <paramref name="contentRoot"/>.
    /// </summary>
    public static IServiceCollection AddLocalAws(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var options = configuration.GetSection(LocalAwsOptions.SectionName).Get<LocalAwsOptions>() ?? new LocalAwsOptions();
        options.DataFolder = Path.GetFullPath(options.DataFolder, contentRoot);
        services.AddSingleton(options);
        services.AddSingleton(sp => new LocalAwsHost(options, sp.GetRequiredService<ILoggerFactory>(), sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.AddHostedService(sp => sp.GetRequiredService<LocalAwsHost>());
        return services;
    }
}
