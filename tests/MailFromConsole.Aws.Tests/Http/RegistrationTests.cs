using MailFromConsole.Core.Ses;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MailFromConsole.Aws.Tests.Http;

public sealed class RegistrationTests
{
    [Fact]
    public void RegisteringTwiceKeepsOneHandlerChain()
    {
        var configuration = new ConfigurationBuilder().Build();
        var services = new ServiceCollection().AddAwsClients(configuration);
        var count = services.Count;

        services.AddAwsClients(configuration);

        Assert.Equal(count, services.Count);
    }

    [Fact]
    public async Task ClientsResolveAtStartWithoutAnyAwsConfiguration()
    {
        await using var provider = new ServiceCollection().AddAwsClients(new ConfigurationBuilder().Build()).BuildServiceProvider();

        Assert.NotNull(provider.GetRequiredService<ISesClient>());
        Assert.NotNull(provider.GetRequiredService<MailFromConsole.Core.Route53.IRoute53Client>());
    }
}
