using MailFromConsole.Core.Ses;
using MailFromConsole.LocalAws;
using MailFromConsole.Web.Infrastructure.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MailFromConsole.Web.Tests.Infrastructure.Hosting;

public sealed class HostingTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "mfc-host-tests-" + Guid.NewGuid().ToString("N"));

    public HostingTests() => Directory.CreateDirectory(root);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(root, recursive: true);
    }

    private WebApplicationBuilder Builder(params string[] args) =>
        WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = root, EnvironmentName = "Test" });

    [Fact]
    public void TheContentRootIsTheFolderWithAppSettingsAndAssetsAboveTheStart()
    {
        File.WriteAllText(Path.Combine(root, "appsettings.json"), "{}");
        Directory.CreateDirectory(Path.Combine(root, ContentLocator.AssetsFolder));
        var nested = Directory.CreateDirectory(Path.Combine(root, "src", "MailFromConsole.Web", "bin")).FullName;

        Assert.Equal(root, ContentLocator.FindContentRoot(nested, "/"));
    }

    [Fact]
    public void WithoutARepositoryTheLastStartIsUsed()
    {
        var output = Directory.CreateDirectory(Path.Combine(root, "published")).FullName;

        Assert.Equal(output, ContentLocator.FindContentRoot(Path.Combine(root, "elsewhere"), output));
    }

    [Fact]
    public async Task TheLocalBackendStartsAndTheClientsAndResolverPointAtIt()
    {
        var builder = Builder("--Aws:Backend=Local", "--LocalAws:DataFolder=data", "--LocalAws:HttpPort=0", "--LocalAws:DnsPort=0", "--Dns:Resolver=local");

        await builder.StartLocalAwsIfConfiguredAsync();
        builder.Services.AddApplicationServices(builder.Configuration);
        await using var app = builder.Build();
        await using var server = app.Services.GetRequiredService<LocalAwsServer>();

        Assert.Equal(server.HttpEndpoint.ToString(), builder.Configuration["Aws:SesServiceUrl"]);
        Assert.Equal(server.HttpEndpoint.ToString(), builder.Configuration["Aws:Route53ServiceUrl"]);
        Assert.Equal(server.DnsEndpoint?.ToString() ?? "system", builder.Configuration["Dns:Resolver"]);
        Assert.True(File.Exists(Path.Combine(root, "data", "local-aws.db")));
        // The local pages are the console's own (behind its sign-in), not the local AWS port's.
        Assert.Equal("/_local/outside-dns", app.Services.GetRequiredService<MailFromConsole.Web.Infrastructure.Hosting.LocalBackendInfo>().OutsideDnsUrl.OriginalString);
        var page = await app.Services.GetRequiredService<ISesClient>().ListIdentitiesAsync("us-east-1", IdentityType.Domain, null, 100);
        Assert.Contains(LocalAwsSeeds.ExampleDomain, page.Identities);
    }

    [Fact]
    public async Task TheRealAwsBackendStartsNoLocalServerAndUsesTheSystemResolver()
    {
        var builder = Builder("--Aws:Backend=Aws", "--Dns:Resolver=local");

        await builder.StartLocalAwsIfConfiguredAsync();

        Assert.Null(builder.Configuration["Aws:SesServiceUrl"]);
        Assert.Equal("system", builder.Configuration["Dns:Resolver"]);
        Assert.DoesNotContain(builder.Services, s => s.ServiceType == typeof(LocalAwsServer));
    }
}
