using MailFromConsole.Core.Route53;
using MailFromConsole.Core.Ses;
using MailFromConsole.Web.Features.Audit;
using MailFromConsole.Web.Features.Identities;
using MailFromConsole.Web.Features.MailFrom;
using MailFromConsole.Web.Features.Publish;
using MailFromConsole.Web.Infrastructure.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace MailFromConsole.Web.Tests.Infrastructure.Changes;

/// <summary>Every change through the console services leaves one entry in the (real, SQLite) audit log: who, where, before → after, the change id, the result.</summary>
public sealed class ChangeAuditTests : ConsoleTestContext
{
    private HostedZone zone = null!;

    private IMailFromService MailFrom => Services.GetRequiredService<IMailFromService>();
    private IPublishService Publisher => Services.GetRequiredService<IPublishService>();
    private IIdentityService Identities => Services.GetRequiredService<IIdentityService>();

    public ChangeAuditTests()
    {
        SignInAs(ConsoleRole.Operator);
        Aws.Ses.Add(Region, "example.com");
        zone = Aws.Route53.AddZone("example.com");
    }

    private async Task<AuditEntry> OnlyEntryAsync() => Assert.Single(await AuditEntriesAsync());

    [Fact]
    public async Task SettingMailFromRecordsTheDomainAndBehaviorBeforeAndAfter()
    {
        Aws.Ses.Find(Region, "example.com")!.MailFrom = new IdentityMailFromDomainAttributes("bounce.example.com", CustomMailFromStatus.Success, BehaviorOnMxFailure.UseDefaultValue);

        var set = await MailFrom.SetAsync(Region, "example.com", "Mail.Example.com", BehaviorOnMxFailure.RejectMessage);

        Assert.True(set.Succeeded, set.Error);
        var entry = await OnlyEntryAsync();
        Assert.Equal("otto", entry.User);
        Assert.Equal(Region, entry.Region);
        Assert.Equal("example.com", entry.Identity);
        Assert.Equal(AuditActions.SetMailFromDomain, entry.Action);
        Assert.Equal("bounce.example.com (UseDefaultValue)", entry.Before);
        Assert.Equal("mail.example.com (RejectMessage)", entry.After);
        Assert.Equal(AuditResults.Success, entry.Result);
        Assert.Null(entry.ChangeId);
    }

    [Fact]
    public async Task DisablingRecordsTheDomainThatWasRemoved()
    {
        Aws.Ses.Find(Region, "example.com")!.MailFrom = new IdentityMailFromDomainAttributes("bounce.example.com", CustomMailFromStatus.Pending, BehaviorOnMxFailure.RejectMessage);

        await MailFrom.DisableAsync(Region, "example.com");

        var entry = await OnlyEntryAsync();
        Assert.Equal(AuditActions.DisableMailFromDomain, entry.Action);
        Assert.Equal("bounce.example.com (RejectMessage)", entry.Before);
        Assert.Equal("(not set)", entry.After);
        Assert.True(entry.Succeeded);
    }

    [Fact]
    public async Task AFailedChangeRecordsTheAwsErrorCode()
    {
        Aws.Ses.FailNext("SetIdentityMailFromDomain", "Throttling", "Rate exceeded");

        var set = await MailFrom.SetAsync(Region, "example.com", "mail.example.com", BehaviorOnMxFailure.UseDefaultValue);

        Assert.False(set.Succeeded);
        var entry = await OnlyEntryAsync();
        Assert.Equal("Throttling", entry.Result);
        Assert.Equal("(not set)", entry.Before);
        Assert.Equal("mail.example.com (UseDefaultValue)", entry.After);
        Assert.Contains("Rate exceeded", entry.Detail);
    }

    [Fact]
    public async Task ARefusedChangeRecordsWhoTriedAndWhat()
    {
        SignInAs(ConsoleRole.Viewer);

        await MailFrom.SetAsync(Region, "example.com", "mail.example.com", BehaviorOnMxFailure.RejectMessage);

        var entry = await OnlyEntryAsync();
        Assert.Equal("vera", entry.User);
        Assert.Equal(AuditActions.SetMailFromDomain, entry.Action);
        Assert.Equal("mail.example.com (RejectMessage)", entry.After);
        Assert.Equal("NotAuthorized", entry.Result);
        Assert.Contains("needs the Operator role", entry.Detail);
    }

    [Fact]
    public async Task InvalidInputIsNotAnAttemptAndIsNotRecorded()
    {
        await MailFrom.SetAsync(Region, "example.com", "mail.example.org", BehaviorOnMxFailure.RejectMessage);

        Assert.Empty(await AuditEntriesAsync());
    }

    [Fact]
    public async Task PublishingRecordsTheTxtAndMxValuesBeforeAndAfterAndTheRoute53ChangeId()
    {
        Aws.Route53.Put(zone, "mail.example.com", "TXT", "v=spf1 include:_spf.google.com ~all");
        var preview = (await Publisher.PreviewAsync(new PublishTarget.MailFrom("mail.example.com", Region) { Identity = "example.com" })).Value!;

        var applied = await Publisher.ApplyAsync(preview);

        var change = applied.Value!.Change!;
        var entry = await OnlyEntryAsync();
        Assert.Equal(AuditActions.PublishRecords, entry.Action);
        Assert.Equal(Region, entry.Region);
        Assert.Equal("example.com", entry.Identity);
        Assert.Equal(change.Id, entry.ChangeId);
        Assert.Equal("MX mail.example.com. = (none); TXT mail.example.com. = v=spf1 include:_spf.google.com ~all", entry.Before);
        Assert.Equal("MX mail.example.com. = 10 feedback-smtp.us-east-1.amazonses.com.; TXT mail.example.com. = "
            + Aws.Route53.ValuesAt(zone, "mail.example.com", "TXT").Single(), entry.After);
        Assert.Contains("include:amazonses.com", entry.After);
        Assert.True(entry.Succeeded);
    }

    [Fact]
    public async Task APublishThatMetAConcurrentEditRecordsTheRefusalAndNoChangeId()
    {
        var preview = (await Publisher.PreviewAsync(new PublishTarget.MailFrom("mail.example.com", Region))).Value!;
        Aws.Route53.Put(zone, "mail.example.com", "TXT", "v=spf1 -all");

        var applied = await Publisher.ApplyAsync(preview);

        Assert.True(applied.Value!.Conflict);
        var entry = await OnlyEntryAsync();
        Assert.Equal("InvalidChangeBatch", entry.Result);
        Assert.Null(entry.ChangeId);
        Assert.Contains("changed since the preview", entry.Detail);
    }

    [Fact]
    public async Task APublishThatRoute53RefusedRecordsItsErrorCode()
    {
        var preview = (await Publisher.PreviewAsync(new PublishTarget.MailFrom("mail.example.com", Region))).Value!;
        Aws.Route53.FailNext("PriorRequestNotComplete", "The request was rejected because Route 53 was still processing a prior request.");

        var applied = await Publisher.ApplyAsync(preview);

        Assert.False(applied.Succeeded);
        var entry = await OnlyEntryAsync();
        Assert.Equal("PriorRequestNotComplete", entry.Result);
        Assert.Equal("mail.example.com", entry.Identity);
        Assert.Null(entry.ChangeId);
        Assert.Contains("MX mail.example.com. = 10 feedback-smtp.us-east-1.amazonses.com.", entry.After);
    }

    [Fact]
    public async Task AddingADomainRecordsItsVerificationTokenAndRemovingRecordsWhatWasThere()
    {
        SignInAs(ConsoleRole.Admin);

        var added = await Identities.AddAsync(Region, IdentityType.Domain, "example.org");
        await Identities.DeleteAsync(Region, "example.com");

        var entries = await AuditEntriesAsync();
        Assert.Equal(2, entries.Count);
        Assert.Equal(AuditActions.VerifyDomainIdentity, entries[0].Action);
        Assert.Equal("example.org", entries[0].Identity);
        Assert.Equal("ada", entries[0].User);
        Assert.Equal($"Pending; TXT _amazonses.example.org = {added.Value!.VerificationToken}", entries[0].After);
        Assert.Equal(AuditActions.DeleteIdentity, entries[1].Action);
        Assert.Equal("Success; MAIL FROM (not set)", entries[1].Before);
        Assert.Equal("(deleted)", entries[1].After);
    }

    [Fact]
    public async Task ATestEmailIsRecordedWithItsSenderAndRecipient()
    {
        await MailFrom.SendTestEmailAsync(Region, "example.com", "someone@example.net");

        var entry = await OnlyEntryAsync();
        Assert.Equal(AuditActions.SendTestEmail, entry.Action);
        Assert.Equal("from mail-from-test@example.com to someone@example.net", entry.After);
        Assert.True(entry.Succeeded);
    }
}
