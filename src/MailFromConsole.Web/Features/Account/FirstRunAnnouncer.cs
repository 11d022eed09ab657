using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace MailFromConsole.Web.Features.Account;

/// <summary>At start, when nobody can sign in yet, prints the one-time setup link (as Jupyter prints its token link).</summary>
internal sealed class FirstRunAnnouncer(
    UserDirectory directory,
    FirstRunSetup setup,
    IServer server,
    IHostApplicationLifetime lifetime,
    ILogger<FirstRunAnnouncer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await directory.AnyUsersAsync(cancellationToken))
        {
            return;
        }
        var token = setup.Begin();
        // The listening addresses are known only once the server has started.
        lifetime.ApplicationStarted.Register(() => Announce(token));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Announce(string token)
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost:5000";
        var link = $"{Browsable(address)}/setup?token={token}";
        logger.LogWarning(
            "No console users exist yet. To create the first administrator, open this one-time link:{NewLine}    {SetupLink}{NewLine}",
            Environment.NewLine, link, Environment.NewLine);
    }

    /// <summary>A wildcard listening address becomes one a browser on this machine can open.</summary>
    internal static string Browsable(string address)
    {
        var uri = new UriBuilder(address.Replace("://+", "://localhost").Replace("://*", "://localhost"));
        if (uri.Host is "0.0.0.0" or "[::]" or "::")
        {
            uri.Host = "localhost";
        }
        return uri.Uri.GetLeftPart(UriPartial.Authority);
    }
}
