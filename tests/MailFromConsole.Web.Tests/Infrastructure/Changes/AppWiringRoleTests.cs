using MailFromConsole.Core.Diagnosis;
using MailFromConsole.Core.Route53;
using MailFromConsole.Core.Ses;
using MailFromConsole.Web.Features.Audit;
using MailFromConsole.Web.Features.MailFrom;
using MailFromConsole.Web.Infrastructure.Auth;
using MailFromConsole.Web.Infrastructure.Changes;
using MailFromConsole.Web.Infrastructure.Hosting;
using MailFromConsole.Web.Tests.Fakes;
using MailFromConsole.Web.Tests.Infrastructure.Auth;
using MailFromConsole.Web.Tests.Infrastructure.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MailFromConsole.Web.Tests.Infrastructure.Changes;

/// <summary>
/// The console services wired as Program.cs wires them (AddApplicationServices + AddConsoleAuth, the real
/// authentication state, guard and SQLite audit log), with only AWS replaced: each scope stands for a user's circuit.
/// </summary>
public sealed class AppWiringRoleTests : IAsyncLifetime
{
    private const string Region = FakeAws.Region;
    private readonly TempFolder folder = new();
    private FakeAws aws = null!;
    private ServiceProvider services = null!;

    public async Task InitializeAsync()
    {
        aws = await FakeAws.StartAsync();
        aws.Ses.Add(Region, "example.com");
        var configuration = new ConfigurationBuilder()
            .AddConfiguration(TestServices.Configuration())
            .AddInMemoryCollection(AuthTestHost.SeededUsers(folder.Path))
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                // Never reached: the fakes below replace the AWS clients.
                ["Aws:SesServiceUrl"] = "http://127.0.0.1:9/",
                ["Aws:Route53ServiceUrl"] = "http://127.0.0.1:9/",
                ["Aws:AccessKeyId"] = "AKIDTEST",
                ["Aws:SecretAccessKey"] = "test-secret",
            })
            .Build();
        var collection = new ServiceCollection();
        collection.AddSingleton<IConfiguration>(configuration);
        collection.AddLogging();
        collection.AddApplicationServices(configuration);
        collection.AddConsoleAuth(configuration);
        collection.AddSingleton<ISesClient>(aws.Ses);
        collection.AddSingleton<IRoute53Client>(aws.Route53);
        collection.AddSingleton(aws.Diagnostics);
        collection.AddSingleton(aws.DeliverabilityDns);
        services = collection.BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await aws.DisposeAsync();
        folder.Dispose();
    }

    private IServiceScope CircuitOf(string name, ConsoleRole role) => services.CircuitOf(name, role);

    private async Task<IReadOnlyList<AuditEntry>> AuditAsync() =>
        (await services.GetRequiredService<IAuditLog>().QueryAsync(new AuditQuery())).Entries;

    [Fact]
    public async Task AViewerCircuitIsRefusedByTheAppsOwnGuardAndTheRefusalIsInTheConsoleDatabase()
    {
        using var circuit = CircuitOf("vera", ConsoleRole.Viewer);

        var set = await circuit.ServiceProvider.GetRequiredService<IMailFromService>()
            .SetAsync(Region, "example.com", "mail.example.com", BehaviorOnMxFailure.RejectMessage);

        Assert.Equal(ChangeGate.NotAuthorizedCode, set.ErrorCode);
        Assert.Empty(aws.Ses.Calls);
        var entry = Assert.Single(await AuditAsync());
        Assert.Equal(("vera", "NotAuthorized"), (entry.User, entry.Result));
        Assert.True(File.Exists(Path.Combine(folder.Path, MailFromConsole.Web.Infrastructure.Storage.StorageOptions.SqliteFileName)));
    }

    [Fact]
    public async Task AnOperatorCircuitChangesAndIsNamedInTheLogWhileAnotherUsersCircuitStaysRefused()
    {
        using var viewer = CircuitOf("vera", ConsoleRole.Viewer);
        using var operatorCircuit = CircuitOf("otto", ConsoleRole.Operator);

        var set = await operatorCircuit.ServiceProvider.GetRequiredService<IMailFromService>()
            .SetAsync(Region, "example.com", "mail.example.com", BehaviorOnMxFailure.RejectMessage);
        var disable = await viewer.ServiceProvider.GetRequiredService<IMailFromService>().DisableAsync(Region, "example.com");

        Assert.True(set.Succeeded, set.Error);
        Assert.Equal(ChangeGate.NotAuthorizedCode, disable.ErrorCode);
        Assert.Equal("mail.example.com", aws.Ses.Find(Region, "example.com")!.MailFrom.MailFromDomain);
        var entries = await AuditAsync();
        Assert.Equal(2, entries.Count);
        Assert.Contains(entries, e => e is { User: "otto", Action: AuditActions.SetMailFromDomain, Result: AuditResults.Success, After: "mail.example.com (RejectMessage)" });
        Assert.Contains(entries, e => e is { User: "vera", Action: AuditActions.DisableMailFromDomain, Result: "NotAuthorized" });
    }
}
