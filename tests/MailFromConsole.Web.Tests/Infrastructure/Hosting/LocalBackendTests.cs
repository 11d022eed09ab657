using MailFromConsole.Core.Route53;
using MailFromConsole.Core.Ses;
using MailFromConsole.LocalAws;
using MailFromConsole.Web.Features.Identities;
using MailFromConsole.Web.Features.MailFrom;
using MailFromConsole.Web.Features.Publish;
using Microsoft.Extensions.DependencyInjection;

namespace MailFromConsole.Web.Tests.Infrastructure.Hosting;

/// <summary>The console services as the app wires them against the embedded local AWS (<see cref="LocalBackendHost"/>).</summary>
public sealed class LocalBackendTests : IAsyncLifetime
{
    private LocalBackendHost host = null!;

    public async Task InitializeAsync() => host = await LocalBackendHost.StartAsync(
        server: o => o.ChangePropagationDelay = TimeSpan.FromMilliseconds(200),
        settings: new Dictionary<string, string?> { ["Console:ChangePollInterval"] = "00:00:00.100" });

    public async Task DisposeAsync() => await host.DisposeAsync();

    private T Get<T>() where T : notnull => host.Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    [Fact]
    public async Task SetMailFromThenPublishToRoute53ReachesInSync()
    {
        var mailFrom = Get<IMailFromService>();
        var publisher = Get<IPublishService>();

        var set = await mailFrom.SetAsync(LocalAwsSeeds.Region, LocalAwsSeeds.ExampleDomain, "mail.example.com", BehaviorOnMxFailure.RejectMessage);
        Assert.True(set.Succeeded, set.Error);
        Assert.Equal("mail.example.com", set.Value!.Attributes.MailFromDomain);
        Assert.Equal(BehaviorOnMxFailure.RejectMessage, set.Value.Attributes.BehaviorOnMxFailure);

        var preview = (await publisher.PreviewAsync(new PublishTarget.MailFrom("mail.example.com", LocalAwsSeeds.Region))).Value!;
        Assert.True(preview.CanApply, preview.Refusal);
        var outcome = await publisher.ApplyAsync(preview);
        Assert.True(outcome.Succeeded, outcome.Error);
        var final = await publisher.WaitForInSyncAsync(outcome.Value!);

        Assert.Equal(ChangeStatus.InSync, final.Value!.Status);
        var again = (await publisher.PreviewAsync(new PublishTarget.MailFrom("mail.example.com", LocalAwsSeeds.Region))).Value!;
        Assert.True(again.NothingToDo);
    }

    [Fact]
    public async Task TheSeededConflictingSpfIsMergedNotDuplicated()
    {
        var preview = (await Get<IPublishService>().PreviewAsync(new PublishTarget.MailFrom($"mail.{LocalAwsSeeds.ConflictingSpfDomain}", LocalAwsSeeds.Region))).Value!;

        var txt = Assert.Single(preview.Lines, l => l.Type == "TXT");
        Assert.Contains(LocalAwsSeeds.ConflictingSpfValue, txt.Before);
        var spf = Assert.Single(txt.After, v => v.StartsWith("v=spf1"));
        Assert.Contains("include:amazonses.com", spf);
        Assert.Contains("include:_spf.mailprovider.test", spf);
        Assert.Contains("mailprovider-verification=4f2a9c", txt.After);
    }

    [Fact]
    public async Task TheSeededNameWithAForeignMxIsRefused()
    {
        var preview = (await Get<IPublishService>().PreviewAsync(new PublishTarget.MailFrom($"mail.{LocalAwsSeeds.TwoMxDomain}", LocalAwsSeeds.Region))).Value!;

        Assert.False(preview.CanApply);
        Assert.Contains("mx.mailprovider.test", preview.Refusal);
    }

    [Fact]
    public async Task ADomainWithoutAZoneInTheAccountGetsTheManualPath()
    {
        var preview = (await Get<IPublishService>().PreviewAsync(new PublishTarget.MailFrom($"mail.{LocalAwsSeeds.OutsideDnsDomain}", LocalAwsSeeds.Region))).Value!;

        Assert.False(preview.HasZone);
    }

    [Fact]
    public async Task TheDomainsListShowsTheSeededIdentitiesWithTheirStatus()
    {
        await host.SweepAsync(LocalAwsSeeds.Region);

        var page = (await Get<IIdentityService>().ListAsync(LocalAwsSeeds.Region, IdentityType.Domain, new IdentityQuery(null, false, 0, 25))).Value!;

        Assert.Contains(page.Rows, r => r is { Identity: LocalAwsSeeds.ExampleDomain, Status: VerificationStatus.Success });
        Assert.Contains(page.Rows, r => r is { Identity: LocalAwsSeeds.FailedDomain, Status: VerificationStatus.Failed });
        Assert.Contains(page.Rows, r => r.Identity == LocalAwsSeeds.ReadyDomain && r.MailFrom?.MailFromDomain == LocalAwsSeeds.ReadyMailFromDomain);
    }

    [Fact]
    public async Task AnSesRuleViolationComesBackAsAMessage()
    {
        var result = await Get<IMailFromService>().SetAsync(LocalAwsSeeds.Region, "nobody.invalid", "mail.nobody.invalid", BehaviorOnMxFailure.UseDefaultValue);

        Assert.False(result.Succeeded);
        Assert.Equal("InvalidParameterValue", result.ErrorCode);
        Assert.Contains("does not exist", result.Error);
    }
}
