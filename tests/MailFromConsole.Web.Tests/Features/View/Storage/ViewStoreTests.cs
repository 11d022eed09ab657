using MailFromConsole.Core.Deliverability;
using MailFromConsole.Core.Ses;
using MailFromConsole.Core.View;
using MailFromConsole.Web.Features.View.Storage;
using MailFromConsole.Web.Infrastructure.Storage;
using MailFromConsole.Web.Tests.Infrastructure.Storage;

namespace MailFromConsole.Web.Tests.Features.View.Storage;

/// <summary>The account view and its history survive a restart on both providers, with every part and read time as it was.</summary>
public abstract class ViewStoreTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : StorageFixture
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly IdentityState Example = new("example.com", IdentityType.Domain)
    {
        Verification = VerificationStatus.Success,
        VerificationToken = "QTKknzFg2J4ygwa+XvHAxUl1hyHoY0gVfZdfjIedHZ0=",
        VerificationReadAt = At,
        MailFrom = new IdentityMailFromDomainAttributes("mail.example.com", CustomMailFromStatus.Success, BehaviorOnMxFailure.RejectMessage),
        MailFromReadAt = At.AddSeconds(1),
        Dkim = new IdentityDkimAttributes(true, VerificationStatus.Pending, ["token1", "token2", "token3"]),
        DkimReadAt = At.AddSeconds(2),
        Dns = new DnsSnapshot(["feedback-smtp.us-east-1.amazonses.com"], SpfOk: true, Conclusive: true),
        DnsCheckedAt = At.AddSeconds(3),
        Readiness = new DeliverabilityReadiness(DeliverabilityOutcome.NoDmarcPolicy, [DeliverabilityGapCode.DkimCnamesMissing, DeliverabilityGapCode.NoDmarc],
            [DkimCnameState.Published, DkimCnameState.Missing, DkimCnameState.WrongTarget], "mail.example.com|Success|True|Pending|token1 token2 token3"),
        ReadinessCheckedAt = At.AddSeconds(4),
        ChangedAt = At.AddSeconds(-5),
    };

    private async Task<ConsoleDatabase> MigratedAsync()
    {
        var database = new ConsoleDatabase(await fixture.NewDatabaseAsync());
        await database.EnsureReadyAsync(CancellationToken.None);
        return database;
    }

    [Fact]
    public async Task AnIdentityIsReadBackWithEveryPartAndReadTime()
    {
        var store = new EfAccountViewStore(await MigratedAsync());
        var email = new IdentityState("user@example.com", IdentityType.EmailAddress);

        await store.SaveAsync("us-east-1", [Example, email], [], CancellationToken.None);
        var loaded = await store.LoadAllAsync(CancellationToken.None);

        var example = Assert.Single(loaded, l => l.State.Identity == "example.com");
        Assert.Equal("us-east-1", example.Region);
        Assert.Equal(Example with { Dkim = null }, example.State with { Dkim = null });
        Assert.Equal(["token1", "token2", "token3"], example.State.Dkim!.DkimTokens);
        Assert.Equal(email, Assert.Single(loaded, l => l.State.Identity == "user@example.com").State);
    }

    [Fact]
    public async Task ASaveUpdatesKnownIdentitiesAndDeletesRemovedOnes()
    {
        var store = new EfAccountViewStore(await MigratedAsync());
        await store.SaveAsync("us-east-1", [Example, new IdentityState("gone.example.com", IdentityType.Domain)], [], CancellationToken.None);

        await store.SaveAsync("us-east-1", [Example with { MailFrom = null, MailFromReadAt = At.AddMinutes(1) }], ["gone.example.com"], CancellationToken.None);

        var only = Assert.Single(await store.LoadAsync("us-east-1", ["example.com", "gone.example.com"], CancellationToken.None));
        Assert.Null(only.State.MailFrom);
        Assert.Equal(At.AddMinutes(1), only.State.MailFromReadAt);
    }

    [Fact]
    public async Task HistoryIsNewestFirstPerIdentityAndDriftAcrossIdentities()
    {
        var store = new EfAccountViewStore(await MigratedAsync());
        await store.AppendHistoryAsync(
        [
            new HistoryEntry("us-east-1", "example.com", At, HistoryKind.Status, "MAIL FROM status Pending → Success", IsDrift: false),
            new HistoryEntry("us-east-1", "example.com", At.AddHours(1), HistoryKind.Dns, "MX record of mail.example.com is gone", IsDrift: true),
            new HistoryEntry("eu-west-1", "example.com", At.AddHours(2), HistoryKind.Outside, "MAIL FROM changed outside the console: …", IsDrift: true),
        ], CancellationToken.None);

        var history = await store.HistoryAsync("us-east-1", "example.com", 10, CancellationToken.None);
        var drift = await store.RecentDriftAsync(10, CancellationToken.None);

        Assert.Equal(["MX record of mail.example.com is gone", "MAIL FROM status Pending → Success"], history.Select(h => h.Text));
        Assert.Equal(["eu-west-1", "us-east-1"], drift.Select(d => d.Region));
    }
}
