using MailFromConsole.Core.Ses;
using MailFromConsole.LocalAws;
using MailFromConsole.Web.Features.Audit;
using MailFromConsole.Web.Features.MailFrom;
using MailFromConsole.Web.Tests.Infrastructure.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace MailFromConsole.Web.Tests.Infrastructure.Changes;

/// <summary>
/// No stale writes (#16 item 4), against the local AWS over HTTP: two users who opened the MAIL FROM dialog on the same
/// identity both save; only the first is written, the second is told what SES holds now, and each audit "before" is
/// SES's value read right before writing (not a cache).
/// </summary>
public sealed class ConditionalMailFromTests : IAsyncLifetime
{
    private const string Region = LocalAwsSeeds.Region;
    private const string Identity = LocalAwsSeeds.ExampleDomain;
    private static readonly IdentityMailFromDomainAttributes NothingSet = new(null, null, BehaviorOnMxFailure.UseDefaultValue);
    private LocalBackendHost host = null!;

    public async Task InitializeAsync() => host = await LocalBackendHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    /// <summary>A user's circuit: its own scope of the console services.</summary>
    private IMailFromService Circuit() => host.Services.CreateScope().ServiceProvider.GetRequiredService<IMailFromService>();

    private async Task<IdentityMailFromDomainAttributes?> InSesAsync() =>
        (await host.Services.GetRequiredService<ISesClient>().GetIdentityMailFromDomainAttributesAsync(Region, [Identity])).GetValueOrDefault(Identity);

    private async Task<IReadOnlyList<AuditEntry>> EntriesAsync() =>
        (await host.Services.GetRequiredService<IAuditLog>().QueryAsync(new AuditQuery())).Entries.Reverse().ToList();

    [Fact]
    public async Task TheSecondOfTwoUsersWhoOpenedTheDialogIsRefusedWithWhatSesHoldsNow()
    {
        var first = Circuit();
        var second = Circuit();

        var firstSet = await first.SetAsync(Region, Identity, "mail.example.com", BehaviorOnMxFailure.RejectMessage, seen: NothingSet);
        var secondSet = await second.SetAsync(Region, Identity, "bounce.example.com", BehaviorOnMxFailure.UseDefaultValue, seen: NothingSet);

        Assert.True(firstSet.Succeeded, firstSet.Error);
        Assert.False(secondSet.Succeeded);
        Assert.Equal(MailFromService.ChangedMeanwhileCode, secondSet.ErrorCode);
        Assert.Contains("changed by someone else since you opened it: now mail.example.com (RejectMessage)", secondSet.Error);
        Assert.Equal("mail.example.com", (await InSesAsync())!.MailFromDomain);
        var entries = await EntriesAsync();
        Assert.Equal(2, entries.Count);
        Assert.Equal((AuditResults.Success, "(not set)"), (entries[0].Result, entries[0].Before));
        Assert.Equal((MailFromService.ChangedMeanwhileCode, "mail.example.com (RejectMessage)"), (entries[1].Result, entries[1].Before));
    }

    [Fact]
    public async Task TwoUsersSavingAtOnceGetOneWriteAndOneRefusal()
    {
        var saves = await Task.WhenAll(
            Circuit().SetAsync(Region, Identity, "mail.example.com", BehaviorOnMxFailure.RejectMessage, seen: NothingSet),
            Circuit().SetAsync(Region, Identity, "bounce.example.com", BehaviorOnMxFailure.UseDefaultValue, seen: NothingSet));

        var written = Assert.Single(saves, s => s.Succeeded);
        var refused = Assert.Single(saves, s => !s.Succeeded);
        Assert.Equal(MailFromService.ChangedMeanwhileCode, refused.ErrorCode);
        Assert.Equal(written.Value!.Attributes.MailFromDomain, (await InSesAsync())!.MailFromDomain);
        Assert.Contains($"now {written.Value.Attributes.MailFromDomain}", refused.Error);
    }

    [Fact]
    public async Task DisablingASettingSomeoneElseChangedIsRefusedAndTheNewSettingStays()
    {
        var seen = new IdentityMailFromDomainAttributes("mail.example.com", CustomMailFromStatus.Pending, BehaviorOnMxFailure.UseDefaultValue);
        Assert.True((await Circuit().SetAsync(Region, Identity, "mail.example.com", BehaviorOnMxFailure.UseDefaultValue)).Succeeded);
        Assert.True((await Circuit().SetAsync(Region, Identity, "bounce.example.com", BehaviorOnMxFailure.UseDefaultValue)).Succeeded);

        var disable = await Circuit().DisableAsync(Region, Identity, seen: seen);

        Assert.Equal(MailFromService.ChangedMeanwhileCode, disable.ErrorCode);
        Assert.Contains("now bounce.example.com (UseDefaultValue)", disable.Error);
        Assert.Equal("bounce.example.com", (await InSesAsync())!.MailFromDomain);
    }

    [Fact]
    public async Task TheStatusMovingOnIsNotAChangeBySomeoneElse()
    {
        Assert.True((await Circuit().SetAsync(Region, Identity, "mail.example.com", BehaviorOnMxFailure.UseDefaultValue)).Succeeded);
        var seenWithAnotherStatus = new IdentityMailFromDomainAttributes("MAIL.example.com", CustomMailFromStatus.Success, BehaviorOnMxFailure.UseDefaultValue);

        var set = await Circuit().SetAsync(Region, Identity, "mail.example.com", BehaviorOnMxFailure.RejectMessage, seen: seenWithAnotherStatus);

        Assert.True(set.Succeeded, set.Error);
        Assert.Equal(BehaviorOnMxFailure.RejectMessage, (await InSesAsync())!.BehaviorOnMxFailure);
    }
}
