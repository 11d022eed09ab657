using MailFromConsole.Web.Infrastructure.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace MailFromConsole.Web.Tests.Fakes;

/// <summary>
/// A service test's setup: a fresh <see cref="FakeAws"/> and the console services over it
/// (<see cref="TestServices.BuildServiceProvider"/>), run by a user with the given role; both disposed after each test.
/// </summary>
public abstract class FakeAwsServiceTest(ConsoleRole role = TestUsers.DefaultRole) : IAsyncLifetime
{
    protected const string Region = FakeAws.Region;

    protected FakeAws aws = null!;
    protected ServiceProvider services = null!;

    public async Task InitializeAsync()
    {
        aws = await FakeAws.StartAsync();
        services = TestServices.BuildServiceProvider(aws, role);
        Seed();
    }

    /// <summary>What the test class puts into the fake AWS before each test (nothing unless overridden).</summary>
    protected virtual void Seed()
    {
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await aws.DisposeAsync();
    }
}
