using System.Globalization;
using System.Net;
using System.Text;
using MailFromConsole.LocalAws.Tests.Support;
using MailFromConsole.Testing;

namespace MailFromConsole.LocalAws.Tests;

/// <summary>
/// The shared table of hostile and odd inputs through the SES API v2: as MAIL FROM domain and as a new identity.
/// Whatever the local SES accepts is stored in SES's normalised form (the table's, when it has one); whatever it
/// refuses is a BadRequestException with nothing stored; every answer is well-formed JSON with the error header.
/// </summary>
public sealed class SesV2HostileInputTests(SharedServerFixture shared) : IClassFixture<SharedServerFixture>
{
    [Theory]
    [MemberData(nameof(HostileInputs.MailFromDomainKeys), MemberType = typeof(HostileInputs))]
    public async Task MailFromDomainIsStoredNormalisedOrRefusedWithNothingStored(string key)
    {
        var aws = shared.Aws;
        var row = HostileInputs.MailFromDomain(key);
        var path = $"/v2/email/identities/{HostileInputs.Identity}/mail-from";
        (await aws.SesV2Async(HttpMethod.Put, path, "{}")).ShouldSucceed();

        var answer = await aws.SesV2Async(HttpMethod.Put, path, row.Value is null ? "{}" : $$"""{"MailFromDomain":{{JsonString(row.Value)}}}""");
        var stored = (await aws.SesV2Async(HttpMethod.Get, $"/v2/email/identities/{HostileInputs.Identity}")).Text("MailFromAttributes.MailFromDomain");

        if (answer.Status != HttpStatusCode.OK)
        {
            answer.ShouldFail(HttpStatusCode.BadRequest, "BadRequestException");
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

    [Theory]
    [MemberData(nameof(HostileInputs.MailFromDomainKeys), MemberType = typeof(HostileInputs))]
    public async Task NewIdentityIsCreatedNormalisedOrRefusedWithNothingCreated(string key)
    {
        var aws = shared.Aws;
        var row = HostileInputs.MailFromDomain(key);
        var before = await NamesAsync(aws);

        var answer = await aws.SesV2Async(HttpMethod.Post, "/v2/email/identities",
            row.Value is null ? "{}" : $$"""{"EmailIdentity":{{JsonString(row.Value)}}}""");
        var added = (await NamesAsync(aws)).Except(before).ToList();

        if (answer.Status != HttpStatusCode.OK)
        {
            Assert.True(answer.ErrorType is "BadRequestException" or "AlreadyExistsException", $"{key}: {answer.Status} {answer.ErrorType}");
            Assert.Empty(added);
            return;
        }

        var created = Assert.Single(added);
        // An address keeps its local part; the domain part (or the domain) is lower-case LDH labels.
        Assert.Matches("^[a-z0-9_.-]+$", created[(created.LastIndexOf('@') + 1)..]);
        Assert.DoesNotContain(created, c => c is <= ' ' or >= (char)127);
        if (row.ExpectedNormalized is not null)
        {
            Assert.Equal(row.ExpectedNormalized, created);
        }

        (await aws.SesV2Async(HttpMethod.Delete, "/v2/email/identities/" + Uri.EscapeDataString(created))).ShouldSucceed();
    }

    private static async Task<List<string>> NamesAsync(LocalAwsFixture aws)
    {
        var page = await aws.SesV2Async(HttpMethod.Get, "/v2/email/identities?PageSize=1000");
        return [.. page.Node("EmailIdentities")!.AsArray().Select(i => i!["IdentityName"]!.GetValue<string>())];
    }

    // Every character outside printable ASCII as a \u escape of its UTF-16 unit, so NUL, line breaks and lone
    // surrogates reach the server exactly as a client could send them.
    private static string JsonString(string value)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in value)
        {
            builder.Append(c is >= ' ' and < (char)127 and not '"' and not '\\' ? c.ToString() : "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture));
        }

        return builder.Append('"').ToString();
    }
}
