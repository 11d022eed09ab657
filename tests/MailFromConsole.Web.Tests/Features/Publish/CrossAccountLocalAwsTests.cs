using System.Diagnostics;
using MailFromConsole.Core.Route53;
using MailFromConsole.LocalAws;
using MailFromConsole.Web.Features.Audit;
using MailFromConsole.Web.Features.Publish;
using MailFromConsole.Web.Tests.Infrastructure.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace MailFromConsole.Web.Tests.Features.Publish;

/// <summary>
/// The console runs as the local AWS's default account (A); DNS lives in account B, reached through a role that the
/// local STS really issues. The zone in B is made with the aws CLI signed as B, as a DNS team would.
/// </summary>
public sealed class CrossAccountLocalAwsTests : IAsyncLifetime
{
    private const string DnsRole = "arn:aws:iam::111111111111:role/ConsoleRoute53";
    private const string UntrustingRole = "arn:aws:iam::111111111111:role/OnlyItsOwnAccount";
    private LocalBackendHost host = null!;

    public async Task InitializeAsync()
    {
        host = await LocalBackendHost.StartAsync(
            server: o =>
            {
                o.ChangePropagationDelay = TimeSpan.FromMilliseconds(100);
                o.Accounts.Add(new LocalAccountOptions { AccountId = "111111111111", AccessKeyId = "dns-key", SecretAccessKey = "dns-secret" });
                o.Roles.Add(new LocalRoleOptions { RoleArn = DnsRole, TrustedAccountIds = [LocalAwsOptions.DefaultAccountId] });
                o.Roles.Add(new LocalRoleOptions { RoleArn = UntrustingRole });
            },
            settings: new Dictionary<string, string?>
            {
                ["Console:ChangePollInterval"] = "00:00:00.100",
                ["Aws:Route53Accounts:0:Suffix"] = "crossaccount.test",
                ["Aws:Route53Accounts:0:RoleArn"] = DnsRole,
                ["Aws:Route53Accounts:1:Suffix"] = "refused.test",
                ["Aws:Route53Accounts:1:RoleArn"] = UntrustingRole,
            });
        await AwsCliAsAccountB("route53", "create-hosted-zone", "--name", "crossaccount.test", "--caller-reference", "dns-team-1");
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    private T Get<T>() where T : notnull => host.Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    private async Task<string> AwsCliAsAccountB(params string[] arguments)
    {
        var start = new ProcessStartInfo("aws") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["--endpoint-url", host.Server.HttpEndpoint.ToString(), "--output", "json", .. arguments])
            start.ArgumentList.Add(argument);
        start.Environment["AWS_ACCESS_KEY_ID"] = "dns-key";
        start.Environment["AWS_SECRET_ACCESS_KEY"] = "dns-secret";
        start.Environment["AWS_DEFAULT_REGION"] = "us-east-1";
        start.Environment["AWS_CONFIG_FILE"] = "/dev/null";
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        Assert.True(process.ExitCode == 0, await error);
        return await output;
    }

    [Fact]
    public async Task AZoneInAnotherAccountIsFoundAndPublishedToThroughTheConfiguredRole()
    {
        var publisher = Get<IPublishService>();
        Assert.Null(await Get<IRoute53Client>().FindPublicHostedZoneAsync("crossaccount.test"));

        var preview = (await publisher.PreviewAsync(new PublishTarget.MailFrom("mail.crossaccount.test", LocalAwsSeeds.Region) { Identity = "crossaccount.test" })).Value!;
        Assert.True(preview.CanApply, preview.Refusal);
        Assert.Contains($"Hosted zone crossaccount.test found in account 111111111111 through role {DnsRole}.", preview.Notes);
        var outcome = await publisher.ApplyAsync(preview);
        Assert.True(outcome.Succeeded, outcome.Error);
        var final = await publisher.WaitForInSyncAsync(outcome.Value!);

        Assert.Equal(ChangeStatus.InSync, final.Value!.Status);
        var records = await AwsCliAsAccountB("route53", "list-resource-record-sets", "--hosted-zone-id", preview.Zone!.Id);
        Assert.Contains("feedback-smtp.us-east-1.amazonses.com", records);
        var entry = Assert.Single(await host.Services.AuditEntriesAsync(), e => e.Action == AuditActions.PublishRecords);
        Assert.Equal(AuditResults.Success, entry.Result);
        Assert.Contains(DnsRole, entry.Detail);
    }

    [Fact]
    public async Task ARefusedAssumeRoleIsAClearMessageAndAnAuditEntry()
    {
        var preview = await Get<IPublishService>().PreviewAsync(new PublishTarget.MailFrom("mail.refused.test", LocalAwsSeeds.Region) { Identity = "refused.test" });

        Assert.False(preview.Succeeded);
        Assert.Contains($"assume {UntrustingRole}", preview.Error);
        var entry = Assert.Single(await host.Services.AuditEntriesAsync(), e => e.Action == AuditActions.PublishRecords);
        Assert.Equal(("AccessDenied", "refused.test"), (entry.Result, entry.Identity));
        Assert.Contains(UntrustingRole, entry.Detail);
    }
}
