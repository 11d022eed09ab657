using MailFromConsole.LocalAws;
using MailFromConsole.Web.Features.Connection;
using MailFromConsole.Web.Infrastructure.Auth;
using MailFromConsole.Web.Tests.Infrastructure.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace MailFromConsole.Web.Tests.Features.Connection;

/// <summary>The Connection page's service against the local AWS: its real STS, SES and Route 53, and a role in account B.</summary>
public sealed class ConnectionServiceTests : IAsyncLifetime
{
    private const string DnsRole = "arn:aws:iam::111111111111:role/ConsoleRoute53";
    private LocalBackendHost host = null!;

    public async Task InitializeAsync() => host = await LocalBackendHost.StartAsync(
        server: o =>
        {
            o.Accounts.Add(new LocalAccountOptions { AccountId = "111111111111", AccessKeyId = "dns-key", SecretAccessKey = "dns-secret" });
            o.Roles.Add(new LocalRoleOptions { RoleArn = DnsRole, TrustedAccountIds = [LocalAwsOptions.DefaultAccountId] });
        },
        settings: new Dictionary<string, string?>
        {
            ["Aws:Route53Accounts:0:Suffix"] = "crossaccount.test",
            ["Aws:Route53Accounts:0:RoleArn"] = DnsRole,
        });

    public async Task DisposeAsync() => await host.DisposeAsync();

    private IConnectionService Connection() => host.Services.CreateScope().ServiceProvider.GetRequiredService<IConnectionService>();

    [Fact]
    public async Task AnAdminSeesTheAccountPerRegionTheRoute53AccountsAndTheReadActionsAllowed()
    {
        host.Services.SignInAs(ConsoleRole.Admin);

        var report = (await Connection().CheckAsync()).Value!;

        Assert.All(report.Regions, r => Assert.Equal(LocalAwsOptions.DefaultAccountId, r.Identity!.Account));
        Assert.Equal(2, report.Route53Accounts.Count);
        Assert.All(report.Route53Accounts, a => Assert.True(a.Reached, a.Error));
        Assert.Contains(report.Actions, c => c is { IamAction: "sts:AssumeRole", Outcome: ActionCheckOutcome.Allowed } && c.Where == DnsRole);
        Assert.Contains(report.Actions, c => c is { IamAction: "ses:ListIdentities", Outcome: ActionCheckOutcome.Allowed });
        Assert.Contains(report.Actions, c => c is { IamAction: "route53:ChangeResourceRecordSets", Outcome: ActionCheckOutcome.NotTried });
        Assert.DoesNotContain(report.Actions, c => c.Outcome is ActionCheckOutcome.Denied or ActionCheckOutcome.Failed);
        Assert.Contains(DnsRole, report.Policy);
    }

    [Fact]
    public async Task AnOperatorIsRefused()
    {
        host.Services.SignInAs(ConsoleRole.Operator);

        var result = await Connection().CheckAsync();

        Assert.False(result.Succeeded);
    }
}
