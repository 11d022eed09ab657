using Bunit;
using MailFromConsole.Core.Diagnosis;
using MailFromConsole.Core.Route53;
using MailFromConsole.Core.Ses;
using MailFromConsole.Web.Hosting;
using MailFromConsole.Web.Services;
using MailFromConsole.Web.Tests.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;
using MudBlazor.Services;

namespace MailFromConsole.Web.Tests;

/// <summary>The one setup of every test: MudBlazor, loose JS interop, the console services over the fake AWS.</summary>
public static class TestServices
{
    public static IConfiguration Configuration() => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Aws:Regions:0"] = "us-east-1",
            ["Aws:Regions:1"] = "eu-west-1",
            ["Aws:DefaultRegion"] = "us-east-1",
            ["Console:ChangePollInterval"] = "00:00:00",
            ["Console:StatusPollInterval"] = "01:00:00",
        })
        .Build();

    public static void AddTestServices(this BunitContext context, FakeAws aws)
    {
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices(o =>
        {
            o.SnackbarConfiguration.ShowTransitionDuration = 0;
            o.SnackbarConfiguration.HideTransitionDuration = 0;
        });
        context.Services.AddConsoleServiceTestEdge(aws);
    }

    /// <summary>The console services as the app registers them, with the fake AWS as the edge.</summary>
    public static IServiceCollection AddConsoleServiceTestEdge(this IServiceCollection services, FakeAws aws)
    {
        services.AddLogging();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton<ISesClient>(aws.Ses);
        services.AddSingleton<IRoute53Client>(aws.Route53);
        services.AddSingleton(aws.Diagnostics);
        services.AddConsoleServices(Configuration());
        return services;
    }

    public static ServiceProvider BuildServiceProvider(FakeAws aws) =>
        new ServiceCollection().AddConsoleServiceTestEdge(aws).BuildServiceProvider();
}
