using MailFromConsole.Web.Features.Assistant;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace MailFromConsole.Web.Tests.Features.Assistant;

/// <summary>The console's test context plus the guided services, on a clock the test moves.</summary>
public abstract class GuidedTestContext : ConsoleTestContext
{
    /// <summary>Long enough for the first query to start the loopback DNS server.</summary>
    protected static readonly TimeSpan DnsWait = TimeSpan.FromSeconds(10);

    protected GuidedTestContext()
    {
        Services.AddGuidedSetup();
        Services.AddSingleton<TimeProvider>(Clock);
    }

    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));
}
