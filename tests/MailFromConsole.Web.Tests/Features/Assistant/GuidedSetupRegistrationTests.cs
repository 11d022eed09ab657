using MailFromConsole.Web.Features.Assistant;
using MailFromConsole.Web.Features.Dashboard;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MailFromConsole.Web.Tests.Features.Assistant;

public sealed class GuidedSetupRegistrationTests
{
    [Fact]
    public async Task TheGuidedSectionOfTheConfigurationSetsTheTimings()
    {
        await using var aws = new Fakes.FakeAws();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Guided:PendingTooLong"] = "00:05:00", ["Guided:ChecklistRefreshInterval"] = "00:00:03" })
            .Build();
        var services = new ServiceCollection().AddTestServices(aws).AddSingleton<IConfiguration>(configuration).AddGuidedSetup();
        await using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<GuidedSetupOptions>>().Value;

        Assert.Equal(TimeSpan.FromMinutes(5), options.PendingTooLong);
        Assert.Equal(TimeSpan.FromSeconds(3), options.ChecklistRefreshInterval);
        using var scope = provider.CreateScope();
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<IMailFromDashboardService>());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<ISetupChecklist>());
    }

    [Fact]
    public async Task WithoutConfigurationTheDefaultsApply()
    {
        await using var aws = new Fakes.FakeAws();
        await using var provider = new ServiceCollection().AddTestServices(aws).AddGuidedSetup().BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<GuidedSetupOptions>>().Value;

        Assert.Equal(TimeSpan.FromHours(1), options.PendingTooLong);
    }
}
