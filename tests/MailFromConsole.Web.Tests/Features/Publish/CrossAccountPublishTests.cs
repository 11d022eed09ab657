using MailFromConsole.Core;
using MailFromConsole.Core.Route53;
using MailFromConsole.Web.Features.Audit;
using MailFromConsole.Web.Features.Publish;
using MailFromConsole.Web.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace MailFromConsole.Web.Tests.Features.Publish;

/// <summary>Route 53 in another account (Aws:Route53Accounts), over fake Route 53s: the real STS path is in the local-backend tests.</summary>
public sealed class CrossAccountPublishTests : ConsoleTestContext
{
    private const string DnsRole = "arn:aws:iam::111111111111:role/ConsoleRoute53";
    private readonly InMemoryRoute53 dnsAccount = new();

    private IPublishService Publisher => Services.GetRequiredService<IPublishService>();

    public CrossAccountPublishTests()
    {
        dnsAccount.AddZone("example.org");
        Aws.Route53Accounts.Add("example.org", DnsRole, dnsAccount);
    }

    private static PublishTarget.MailFrom MailFrom() => new("mail.example.org", Region) { Identity = "example.org" };

    [Fact]
    public async Task ThePreviewSaysWhichAccountsZoneItFoundAndThePublishGoesThere()
    {
        var preview = (await Publisher.PreviewAsync(MailFrom())).Value!;

        Assert.True(preview.CanApply, preview.Refusal);
        Assert.Contains($"Hosted zone example.org found in account 111111111111 through role {DnsRole}.", preview.Notes);
        var outcome = (await Publisher.ApplyAsync(preview)).Value!;
        var final = (await Publisher.WaitForInSyncAsync(outcome)).Value!;

        Assert.Single(dnsAccount.Batches);
        Assert.Empty(Aws.Route53.Batches);
        Assert.Equal(ChangeStatus.InSync, final.Status);
        var entry = Assert.Single(await AuditEntriesAsync(), e => e.Action == AuditActions.PublishRecords);
        Assert.Equal(AuditResults.Success, entry.Result);
        Assert.Contains(DnsRole, entry.Detail);
        Assert.Equal(outcome.Change!.Id, entry.ChangeId);
    }

    [Fact]
    public async Task ARefusedAssumeRoleIsAClearMessageAndAnAuditEntry()
    {
        dnsAccount.FailNext(new AssumeRoleException(DnsRole, new AwsServiceException("STS", "AccessDenied",
            $"User: arn:aws:iam::000000000000:root is not authorized to perform: sts:AssumeRole on resource: {DnsRole}", 403, "req-sts")));

        var preview = await Publisher.PreviewAsync(MailFrom());

        Assert.False(preview.Succeeded);
        Assert.Contains($"assume {DnsRole}", preview.Error);
        Assert.Contains("trust policy", preview.Error);
        var entry = Assert.Single(await AuditEntriesAsync());
        Assert.Equal((AuditActions.PublishRecords, "AccessDenied", "example.org"), (entry.Action, entry.Result, entry.Identity));
        Assert.Contains(DnsRole, entry.Detail);
        Assert.Empty(dnsAccount.Batches);
    }

    [Fact]
    public async Task ANameOutsideTheConfiguredSuffixesStaysInTheConsolesAccountWithoutANote()
    {
        Aws.Route53.AddZone("example.com");

        var preview = (await Publisher.PreviewAsync(new PublishTarget.MailFrom("mail.example.com", Region))).Value!;

        Assert.True(preview.HasZone);
        Assert.DoesNotContain(preview.Notes, n => n.Contains("found in account", StringComparison.Ordinal));
        Assert.False(preview.Account!.ThroughRole);
    }
}
