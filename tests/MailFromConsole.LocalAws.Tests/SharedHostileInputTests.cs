using System.Net;
using MailFromConsole.LocalAws.Tests.Support;
using MailFromConsole.Testing;

namespace MailFromConsole.LocalAws.Tests;

/// <summary>
/// The project's shared table of hostile and odd MAIL FROM inputs through the local SES endpoint. The local AWS
/// applies SES's checks, not the console's: it may refuse more or accept some rows the console refuses, but whatever
/// it accepts must be a proper subdomain of the identity by labels, stored in the table's normalised form when
/// the table has one; whatever it refuses leaves nothing stored. Every answer is well-formed AWS XML.
/// </summary>
public sealed class SharedHostileInputTests(SharedServerFixture shared) : IClassFixture<SharedServerFixture>
{
    [Theory]
    [MemberData(nameof(HostileInputs.MailFromDomainKeys), MemberType = typeof(HostileInputs))]
    public async Task MailFromInputIsStoredNormalisedOrRefusedWithNothingStored(string key)
    {
        var aws = shared.Aws;
        var row = HostileInputs.MailFromDomain(key);
        (await aws.SesAsync("SetIdentityMailFromDomain", ("Identity", HostileInputs.Identity))).ShouldSucceed();

        var answer = row.Value is null
            ? await aws.SesAsync("SetIdentityMailFromDomain", ("Identity", HostileInputs.Identity))
            : await aws.SesAsync("SetIdentityMailFromDomain", ("Identity", HostileInputs.Identity), ("MailFromDomain", row.Value));
        var attributes = await aws.SesAsync("GetIdentityMailFromDomainAttributes", ("Identities.member.1", HostileInputs.Identity));

        var stored = attributes.Map("MailFromDomainAttributes")[HostileInputs.Identity].Element(AwsAnswer.Ses + "MailFromDomain")?.Value;
        if (answer.Status != HttpStatusCode.OK)
        {
            Assert.True(answer.ErrorCode is "InvalidParameterValue" or "ValidationError", $"{key}: {answer.Xml}");
            Assert.Null(stored);
            return;
        }

        if (stored is null)
        {
            Assert.True(string.IsNullOrEmpty(row.Value), $"{key} was accepted but nothing is stored");
            return;
        }

        Assert.EndsWith("." + HostileInputs.Identity, stored);
        if (row.ExpectedNormalized is not null)
        {
            Assert.Equal(row.ExpectedNormalized, stored);
        }
    }
}
