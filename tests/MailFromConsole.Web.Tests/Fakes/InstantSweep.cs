using MailFromConsole.Web.Features.View;
using MailFromConsole.Web.Infrastructure.Hosting;
using MailFromConsole.Web.Tests.Features.View;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MailFromConsole.Web.Tests.Fakes;

/// <summary>
/// The console's real sweeper, run to the end at once: when the services start and after every change of the fake
/// SES, as the app's sweeper does a second later. Page and service tests see what SES holds without waiting.
/// Registered as the test edge's <see cref="AccountView"/> and <see cref="AccountViewSweeper"/>.
/// </summary>
public sealed class InstantSweep : IDisposable
{
    private readonly FakeAws aws;
    private readonly IReadOnlyList<string> regions;

    public InstantSweep(IServiceProvider services, FakeAws aws)
    {
        this.aws = aws;
        regions = services.GetRequiredService<IOptions<ConsoleRegionOptions>>().Value.EffectiveRegions;
        View = ActivatorUtilities.CreateInstance<AccountView>(services);
        Sweeper = ActivatorUtilities.CreateInstance<AccountViewSweeper>(services, View);
        CatchUp(null);
        aws.Ses.Changed += CatchUp;
    }

    public AccountView View { get; }

    public AccountViewSweeper Sweeper { get; }

    public void Dispose() => aws.Ses.Changed -= CatchUp;

    // SES's fake changes synchronously, so the view does too; off the caller's context, which may be a renderer's.
    private void CatchUp(string? region) => Task.Run(async () =>
    {
        using var offTheRecord = InMemorySes.OffTheRecord();
        foreach (var each in regions.Where(r => region is null || r == region))
            await SweepToTheEnd.RunAsync(Sweeper, View, each, withDns: true);
    }).GetAwaiter().GetResult();
}
