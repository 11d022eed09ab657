using MailFromConsole.Web.Tests.Infrastructure.Storage;

namespace MailFromConsole.Web.Tests.Infrastructure.Auth;

/// <summary>
/// A test class's setup: a fresh data folder and an <see cref="AuthTestHost"/> with the seeded users
/// (<see cref="AuthTestHost.SeededUsers"/>) over it; both removed after each test.
/// </summary>
public abstract class SeededAuthHostTest : IAsyncLifetime
{
    private readonly TempFolder _folder = new();

    protected AuthTestHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await AuthTestHost.StartAsync(AuthTestHost.SeededUsers(_folder.Path));
        await SeedAsync();
    }

    /// <summary>What the test class stores through the running host before each test (nothing unless overridden).</summary>
    protected virtual Task SeedAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        _folder.Dispose();
    }
}
