using MailFromConsole.Core.Ses;
using MailFromConsole.Testing;
using MailFromConsole.Web.Features.Identities;
using MailFromConsole.Web.Features.MailFrom;
using Microsoft.Extensions.DependencyInjection;

namespace MailFromConsole.Web.Tests.Features.MailFrom;

/// <summary>The shared hostile-input table through the console's service layer: a clear refusal or the exact normalised name, never half-done.</summary>
public sealed class HostileInputServiceTests : ConsoleTestContext
{
    public HostileInputServiceTests()
    {
        Aws.Ses.Add(Region, HostileInputs.Identity);
    }

    [Theory]
    [MemberData(nameof(HostileInputs.MailFromDomainKeys), MemberType = typeof(HostileInputs))]
    public async Task SetMailFromStoresTheNormalisedNameOrRefusesWithoutCallingSes(string key)
    {
        var row = HostileInputs.MailFromDomain(key);
        var mailFrom = Services.CreateScope().ServiceProvider.GetRequiredService<IMailFromService>();

        var result = await mailFrom.SetAsync(Region, HostileInputs.Identity, row.Value!, BehaviorOnMxFailure.RejectMessage);

        var stored = Aws.Ses.Find(Region, HostileInputs.Identity)!.MailFrom.MailFromDomain;
        if (row.IsValid)
        {
            Assert.True(result.Succeeded, result.Error);
            Assert.Equal(row.ExpectedNormalized, stored);
        }
        else
        {
            Assert.False(result.Succeeded);
            Assert.False(string.IsNullOrWhiteSpace(result.Error));
            Assert.Null(stored);
        }
    }

    [Theory]
    [MemberData(nameof(HostileInputs.IdentityKeys), MemberType = typeof(HostileInputs))]
    public async Task AddingAnIdentityAcceptsExactlyTheValidOnes(string key)
    {
        var row = HostileInputs.IdentityInput(key);
        var identities = Services.CreateScope().ServiceProvider.GetRequiredService<IIdentityService>();
        var type = row.Value?.Contains('@') == true ? IdentityType.EmailAddress : IdentityType.Domain;

        var result = await identities.AddAsync(Region, type, row.Value ?? "");

        if (!result.Succeeded) Assert.False(string.IsNullOrWhiteSpace(result.Error));
        Assert.Equal(row.IsValid, result.Succeeded);
    }
}
