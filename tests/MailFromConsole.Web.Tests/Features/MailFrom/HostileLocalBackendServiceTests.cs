using MailFromConsole.Core.MailFrom;
using MailFromConsole.Core.Route53;
using MailFromConsole.Core.Ses;
using MailFromConsole.Testing;
using MailFromConsole.Web.Features.Identities;
using MailFromConsole.Web.Features.MailFrom;
using MailFromConsole.Web.Features.Publish;
using MailFromConsole.Web.Infrastructure.Errors;
using Microsoft.Extensions.DependencyInjection;

namespace MailFromConsole.Web.Tests.Features.MailFrom;

/// <summary>
/// The shared hostile-input table through the console's service layer over the real wire clients and the local AWS:
/// each input, as a MAIL FROM domain and as an identity, gets a clear error message or a correct, safe result; a
/// refusal by the console sends nothing to AWS, and nothing in SES or Route 53 is left changed by a refused input.
/// </summary>
public sealed class HostileLocalBackendServiceTests(HostileLocalBackendFixture fixture) : IClassFixture<HostileLocalBackendFixture>
{
    private const string Region = HostileLocalBackendFixture.Region;

    // New identities are added where the seeded account has none of the table's names, so no add can touch them.
    private const string AddRegion = "eu-west-1";

    private IServiceProvider Scope => fixture.Services.CreateScope().ServiceProvider;

    [Theory]
    [MemberData(nameof(HostileInputs.MailFromDomainKeys), MemberType = typeof(HostileInputs))]
    public async Task SettingTheMailFromDomainStoresTheNormalisedNameOrRefusesWithoutSendingAnything(string key)
    {
        var row = HostileInputs.MailFromDomain(key);
        var mailFrom = Scope.GetRequiredService<IMailFromService>();
        var before = await StateAsync();
        var sent = fixture.Sent.Count;

        var check = mailFrom.Validate(HostileInputs.Identity, row.Value);
        var result = await mailFrom.SetAsync(Region, HostileInputs.Identity, row.Value!, BehaviorOnMxFailure.UseDefaultValue);

        Assert.Equal(row.IsValid, check.Validation.IsValid);
        if (row.IsValid)
        {
            Assert.True(result.Succeeded, $"{key}: {result.Error}");
            Assert.Equal(row.ExpectedNormalized, result.Value!.Attributes.MailFromDomain);
            Assert.Equal(CustomMailFromStatus.Pending, result.Value.Attributes.MailFromDomainStatus);
            Assert.True((await mailFrom.DisableAsync(Region, HostileInputs.Identity)).Succeeded);
        }
        else
        {
            AssertClearError(key, result.Error);
            Assert.Equal("InvalidMailFromDomain", result.ErrorCode);
            Assert.Equal(sent, fixture.Sent.Count);
        }

        Assert.Equal(before, await StateAsync());
    }

    [Theory]
    [MemberData(nameof(HostileInputs.MailFromDomainKeys), MemberType = typeof(HostileInputs))]
    public async Task PreviewingRecordsForTheNameNeverOffersToPublishAnInvalidName(string key)
    {
        var row = HostileInputs.MailFromDomain(key);
        var publish = Scope.GetRequiredService<IPublishService>();

        var preview = await publish.PreviewAsync(new PublishTarget.MailFrom(row.Value!, Region));

        if (!preview.Succeeded)
        {
            AssertClearError(key, preview.Error);
            return;
        }

        // Publishing does not know the identity, so the test is the name itself: a valid DNS name, normalised.
        if (preview.Value!.CanApply)
        {
            Assert.True(DnsNameRules.TryNormalize(row.Value, "name", out var normalized, out _), $"{key}: the preview offers to publish records for '{row.Value}'");
            Assert.All(preview.Value.Changes, c => Assert.Equal(normalized + ".", c.RecordSet.Name));
            if (row.IsValid) Assert.Equal(row.ExpectedNormalized, normalized);
        }
    }

    [Theory]
    [MemberData(nameof(HostileInputs.MailFromDomainKeys), MemberType = typeof(HostileInputs))]
    public async Task ATypedTestRecipientGetsAClearAnswerAndChangesNothing(string key)
    {
        var value = HostileInputs.MailFromDomain(key).Value;
        var mailFrom = Scope.GetRequiredService<IMailFromService>();
        var before = await StateAsync();

        var sent = await mailFrom.SendTestEmailAsync(Region, HostileInputs.Identity, value);

        if (sent.Succeeded)
        {
            Assert.Equal(HostileInputs.Identity, sent.Value!.Source[(sent.Value.Source.IndexOf('@') + 1)..]);
            AssertClearError(key, sent.Value.Explanation);
        }
        else
            AssertClearError(key, sent.Error);
        Assert.Equal(before, await StateAsync());
    }

    [Theory]
    [MemberData(nameof(HostileInputs.MailFromDomainKeys), MemberType = typeof(HostileInputs))]
    public async Task MailFromTableValueAsIdentityGetsAClearAnswerFromEveryAction(string key) =>
        await EveryIdentityActionAsync(key, HostileInputs.MailFromDomain(key).Value);

    [Theory]
    [MemberData(nameof(HostileInputs.IdentityKeys), MemberType = typeof(HostileInputs))]
    public async Task IdentityGetsAClearAnswerFromEveryAction(string key) =>
        await EveryIdentityActionAsync(key, HostileInputs.IdentityInput(key).Value);

    [Theory]
    [MemberData(nameof(HostileInputs.IdentityKeys), MemberType = typeof(HostileInputs))]
    public async Task AddingAnIdentityStoresItsNormalisedFormOrRefusesWithoutSendingAnything(string key)
    {
        var row = HostileInputs.IdentityInput(key);
        var identities = Scope.GetRequiredService<IIdentityService>();
        var type = row.Value?.Contains('@') == true ? IdentityType.EmailAddress : IdentityType.Domain;
        var before = await StateAsync(AddRegion);
        var sent = fixture.Sent.Count;

        var result = await identities.AddAsync(AddRegion, type, row.Value!);

        if (!row.IsValid)
        {
            AssertClearError(key, result.Error);
            Assert.Equal(sent, fixture.Sent.Count);
            Assert.Equal(before, await StateAsync(AddRegion));
            return;
        }

        Assert.True(result.Succeeded, $"{key}: {result.Error}");
        var created = await CreatedIdentitiesAsync(AddRegion);
        try
        {
            // example.com is already an identity there: adding it again starts verification of the same identity.
            var stored = result.Value!.Identity;
            Assert.Contains(stored, (await fixture.Services.GetRequiredService<ISesClient>().ListIdentitiesAsync(AddRegion, null, null, null)).Identities);
            Assert.All(created, c => Assert.Equal(stored, c));
            Assert.True(type == IdentityType.Domain ? stored == row.ExpectedDomain : stored.EndsWith("@" + row.ExpectedDomain, StringComparison.Ordinal), $"{key}: stored '{stored}'");
        }
        finally
        {
            await CleanUpAsync(AddRegion, created);
        }

        Assert.Equal(before, await StateAsync(AddRegion));
    }

    /// <summary>Every identity action of the console with the value as the identity: none throws, each answers clearly.</summary>
    private async Task EveryIdentityActionAsync(string key, string? input)
    {
        // The identity parameters are not nullable: an identity that is missing arrives from a page as "".
        var value = input ?? "";
        var mailFrom = Scope.GetRequiredService<IMailFromService>();
        var identities = Scope.GetRequiredService<IIdentityService>();
        var identityIsValid = MailFromDomainRules.TryIdentityDomain(value, out var domain, out _);
        var before = await StateAsync();
        var sent = fixture.Sent.Count;

        var set = await mailFrom.SetAsync(Region, value, "mail.example.com", BehaviorOnMxFailure.UseDefaultValue);
        if (!identityIsValid || domain != HostileInputs.Identity)
        {
            AssertClearError(key, set.Error);
            Assert.Equal(sent, fixture.Sent.Count);
        }
        else if (set.Succeeded)
        {
            Assert.True((await mailFrom.DisableAsync(Region, value)).Succeeded);
        }

        AssertAnswered(key, await mailFrom.GetAsync(Region, value));
        AssertAnswered(key, await identities.GetAsync(Region, value));
        AssertAnswered(key, await mailFrom.SendTestEmailAsync(Region, value, "someone@example.net"));
        if (!identityIsValid)
        {
            // Actions that change an identity: only with values that cannot name one of the seeded identities.
            AssertAnswered(key, await mailFrom.RestartAsync(Region, value));
            AssertAnswered(key, await mailFrom.DisableAsync(Region, value));
            AssertAnswered(key, await identities.DeleteAsync(Region, value));
            AssertAnswered(key, await identities.RetryVerificationAsync(Region, IdentityType.Domain, value));
            AssertAnswered(key, await identities.RetryVerificationAsync(Region, IdentityType.EmailAddress, value));
            await CleanUpAsync(Region, await CreatedIdentitiesAsync(Region));
        }

        Assert.Equal(before, await StateAsync());
    }

    private static void AssertAnswered<T>(string key, ServiceResult<T> result)
    {
        if (!result.Succeeded) AssertClearError(key, result.Error);
    }

    private static void AssertAnswered(string key, ServiceResult result)
    {
        if (!result.Succeeded) AssertClearError(key, result.Error);
    }

    /// <summary>A message a person can read: present, bounded, no control characters or lone surrogates from the input.</summary>
    private static void AssertClearError(string key, string? error)
    {
        Assert.False(string.IsNullOrWhiteSpace(error), $"{key}: refused without a message");
        Assert.True(error.Length <= 1_000, $"{key}: a {error.Length}-character message");
        Assert.DoesNotContain(error, char.IsControl);
        Assert.False(UnicodeText.HasLoneSurrogate(error), $"{key}: {error}");
    }

    /// <summary>What a refused input must not change: the identities, their MAIL FROM attributes, the example.com zone.</summary>
    private async Task<string> StateAsync(string region = Region)
    {
        var ses = fixture.Services.GetRequiredService<ISesClient>();
        var names = (await ses.ListIdentitiesAsync(region, null, null, null)).Identities;
        var attributes = await ses.GetIdentityMailFromDomainAttributesAsync(region, names);
        var records = await fixture.Services.GetRequiredService<IRoute53Client>().ListResourceRecordSetsAsync(fixture.ZoneId, null, null);
        return string.Join("\n", names.Select(n => $"{n} {(attributes.TryGetValue(n, out var a) ? a : null)}"))
               + "\n" + string.Join("\n", records.Select(r => $"{r.Name} {r.Type} {string.Join(",", r.Values)}"));
    }

    private async Task<IReadOnlyList<string>> CreatedIdentitiesAsync(string region) =>
        [.. (await fixture.Services.GetRequiredService<ISesClient>().ListIdentitiesAsync(region, null, null, null)).Identities.Except(fixture.SeededIdentities(region))];

    private async Task CleanUpAsync(string region, IEnumerable<string> created)
    {
        foreach (var identity in created)
            await fixture.Services.GetRequiredService<ISesClient>().DeleteIdentityAsync(region, identity);
    }
}
