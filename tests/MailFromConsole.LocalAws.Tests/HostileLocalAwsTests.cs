using System.Net;
using System.Security;
using System.Text;
using System.Xml.Linq;
using MailFromConsole.Core;
using MailFromConsole.Core.MailFrom;
using MailFromConsole.Core.Route53;
using MailFromConsole.Core.Ses;
using MailFromConsole.LocalAws.Tests.Support;
using MailFromConsole.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MailFromConsole.LocalAws.Tests;

/// <summary>
/// The shared hostile-input table through the local AWS endpoint over real HTTP, both via the console's wire client and
/// via raw signed requests. Each input gets a correct result or an AWS-style error, and a refused request changes
/// nothing: the identities, their MAIL FROM attributes and the example.com zone's record sets are the same after.
/// </summary>
public sealed class HostileLocalAwsTests(HostileLocalAwsFixture fixture) : IClassFixture<HostileLocalAwsFixture>, IAsyncLifetime
{
    private const string Region = "us-east-1";
    private const string Spf = "v=spf1 include:amazonses.com ~all";
    private static readonly HttpClient Http = new();
    private static readonly XNamespace R53 = AwsAnswer.Route53;

    private LocalAwsFixture Aws => fixture.Aws;

    // Set once the test has seen the state as it found it; cleared by every call that may change it.
    private bool unchanged = true;

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>After a failed test, puts back what it left behind, so one failure does not fail every row after it.</summary>
    public async Task DisposeAsync()
    {
        if (unchanged) return;
        foreach (var identity in (await Aws.SesAsync("ListIdentities")).All("member").Select(m => m.Value).Except(fixture.SeededIdentities))
            (await Aws.SesAsync("DeleteIdentity", ("Identity", identity))).ShouldSucceed();
        foreach (var identity in new[] { HostileInputs.Identity, "user@example.com" })
            (await Aws.SesAsync("SetIdentityMailFromDomain", ("Identity", identity), ("BehaviorOnMXFailure", "UseDefaultValue"))).ShouldSucceed();
        var extra = (await fixture.Route53.ListResourceRecordSetsAsync(fixture.ZoneId, null, null))
            .Where(a => !fixture.SeededRecordSets.Any(b => b.Name == a.Name && b.Type == a.Type)).ToList();
        if (extra.Count > 0)
            await fixture.Route53.ChangeResourceRecordSetsAsync(fixture.ZoneId, [.. extra.Select(e => new RecordSetChange(ChangeAction.Delete, e))], null);
    }

    [Theory]
    [MemberData(nameof(HostileInputs.MailFromDomainKeys), MemberType = typeof(HostileInputs))]
    public async Task WireClientSetsTheNormalisedMailFromDomainOrChangesNothing(string key)
    {
        var row = HostileInputs.MailFromDomain(key);
        var before = await InitialStateAsync();

        var outcome = await OutcomeAsync(key, () => fixture.Ses.SetIdentityMailFromDomainAsync(Region, HostileInputs.Identity, row.Value, BehaviorOnMxFailure.RejectMessage));

        if (outcome is not null)
        {
            await AssertUnchangedAsync(before);
            return;
        }

        var stored = (await fixture.Ses.GetIdentityMailFromDomainAttributesAsync(Region, [HostileInputs.Identity]))[HostileInputs.Identity].MailFromDomain;
        AssertAcceptedMailFrom(row, stored);
        await fixture.Ses.SetIdentityMailFromDomainAsync(Region, HostileInputs.Identity, null, BehaviorOnMxFailure.UseDefaultValue);
        await AssertUnchangedAsync(before);
    }

    [Theory]
    [MemberData(nameof(HostileInputs.MailFromDomainKeys), MemberType = typeof(HostileInputs))]
    public async Task RawFormMailFromDomainIsAppliedNormalisedOrChangesNothing(string key)
    {
        var row = HostileInputs.MailFromDomain(key);
        var before = await InitialStateAsync();

        var answer = row.Value is null
            ? await Aws.SesAsync("SetIdentityMailFromDomain", ("Identity", HostileInputs.Identity))
            : await Aws.SesAsync("SetIdentityMailFromDomain", ("Identity", HostileInputs.Identity), ("MailFromDomain", row.Value));

        if (IsAwsError(key, answer))
        {
            await AssertUnchangedAsync(before);
            return;
        }

        var stored = (await Aws.SesAsync("GetIdentityMailFromDomainAttributes", ("Identities.member.1", HostileInputs.Identity)))
            .Map("MailFromDomainAttributes")[HostileInputs.Identity].Element(AwsAnswer.Ses + "MailFromDomain")?.Value;
        AssertAcceptedMailFrom(row, stored);
        (await Aws.SesAsync("SetIdentityMailFromDomain", ("Identity", HostileInputs.Identity))).ShouldSucceed();
        await AssertUnchangedAsync(before);
    }

    [Theory]
    [MemberData(nameof(HostileInputs.MailFromDomainKeys), MemberType = typeof(HostileInputs))]
    public async Task RawFormRecipientIsDeliveredToACleanAddressOrRefusedWithNothingSent(string key)
    {
        var value = HostileInputs.MailFromDomain(key).Value ?? "";
        var mailbox = Aws.Server.Mailbox().Count;

        var answer = await Aws.SesAsync("SendEmail", ("Source", "user@example.com"), ("Destination.ToAddresses.member.1", value),
            ("Message.Subject.Data", "Hostile recipient"), ("Message.Body.Text.Data", "Test"));

        if (IsAwsError(key, answer))
        {
            Assert.Equal(mailbox, Aws.Server.Mailbox().Count);
            unchanged = true;
            return;
        }

        var sent = Aws.Server.Mailbox().Skip(mailbox).ToList();
        Assert.NotEmpty(sent);
        Assert.All(sent.SelectMany(m => m.Recipients), r =>
        {
            var at = r.LastIndexOf('@');
            Assert.True(at > 0 && IsCleanDomain(r[(at + 1)..]) && !r.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)), $"{key}: delivered to '{r}'");
        });
        unchanged = true;
    }

    [Theory]
    [MemberData(nameof(HostileInputs.MailFromDomainKeys), MemberType = typeof(HostileInputs))]
    public async Task MailFromTableValueAsIdentityOnlyEverReachesAnExistingIdentity(string key) =>
        await HostileIdentityAsync(key, HostileInputs.MailFromDomain(key).Value);

    [Theory]
    [MemberData(nameof(HostileInputs.IdentityKeys), MemberType = typeof(HostileInputs))]
    public async Task IdentityOnlyEverReachesAnExistingIdentityOrCreatesAValidOne(string key) =>
        await HostileIdentityAsync(key, HostileInputs.IdentityInput(key).Value);

    [Theory]
    [MemberData(nameof(HostileInputs.MailFromDomainKeys), MemberType = typeof(HostileInputs))]
    public async Task WireClientRecordNameCreatesOneRecordInTheZoneOrChangesNothing(string key)
    {
        var value = HostileInputs.MailFromDomain(key).Value;
        var before = await InitialStateAsync();

        var outcome = await OutcomeAsync(key, () => fixture.Route53.ChangeResourceRecordSetsAsync(fixture.ZoneId,
            [new(ChangeAction.Create, new ResourceRecordSet(value!, "TXT", 300, [Spf]))], "hostile " + key));

        if (outcome is not null)
        {
            await AssertUnchangedAsync(before);
            return;
        }

        var added = Assert.Single(await AddedSetsAsync());
        Assert.True(added.Name == "example.com." || added.Name.EndsWith(".example.com.", StringComparison.Ordinal), $"{key}: created {added.Name}");
        Assert.Equal([Spf], added.Values);
        await fixture.Route53.ChangeResourceRecordSetsAsync(fixture.ZoneId, [new(ChangeAction.Delete, added)], null);
        await AssertUnchangedAsync(before);
    }

    [Theory]
    [MemberData(nameof(HostileInputs.MailFromDomainKeys), MemberType = typeof(HostileInputs))]
    public async Task WireClientTxtValueIsStoredVerbatimOrChangesNothing(string key)
    {
        var value = HostileInputs.MailFromDomain(key).Value;
        var before = await InitialStateAsync();

        var outcome = await OutcomeAsync(key, () => fixture.Route53.ChangeResourceRecordSetsAsync(fixture.ZoneId,
            [new(ChangeAction.Create, new ResourceRecordSet("hostile-value.example.com.", "TXT", 300, [value!]))], null));

        if (outcome is not null)
        {
            await AssertUnchangedAsync(before);
            return;
        }

        var added = Assert.Single(await AddedSetsAsync());
        Assert.Equal("hostile-value.example.com.", added.Name);
        Assert.Equal([value!], added.Values);
        await fixture.Route53.ChangeResourceRecordSetsAsync(fixture.ZoneId, [new(ChangeAction.Delete, added)], null);
        await AssertUnchangedAsync(before);
    }

    [Theory]
    [MemberData(nameof(HostileInputs.MailFromDomainKeys), MemberType = typeof(HostileInputs))]
    public async Task RawXmlRecordNameCreatesOneRecordInTheZoneOrChangesNothing(string key)
    {
        var value = HostileInputs.MailFromDomain(key).Value ?? "";
        var before = await InitialStateAsync();

        // Written by hand, not by an XML writer: characters XML cannot carry go out raw, as a hostile client would send them.
        var body = $"""<?xml version="1.0" encoding="UTF-8"?><ChangeResourceRecordSetsRequest xmlns="{R53.NamespaceName}"><ChangeBatch><Changes><Change><Action>CREATE</Action><ResourceRecordSet><Name>{Escape(value)}</Name><Type>TXT</Type><TTL>300</TTL><ResourceRecords><ResourceRecord><Value>"{Spf}"</Value></ResourceRecord></ResourceRecords></ResourceRecordSet></Change></Changes></ChangeBatch></ChangeResourceRecordSetsRequest>""";
        var answer = await RawRoute53PostAsync($"/2013-04-01/hostedzone/{fixture.ZoneId}/rrset/", body);

        if (IsAwsError(key, answer))
        {
            await AssertUnchangedAsync(before);
            return;
        }

        var added = Assert.Single(await AddedSetsAsync());
        Assert.True(added.Name == "example.com." || added.Name.EndsWith(".example.com.", StringComparison.Ordinal), $"{key}: created {added.Name}");
        await fixture.Route53.ChangeResourceRecordSetsAsync(fixture.ZoneId, [new(ChangeAction.Delete, added)], null);
        await AssertUnchangedAsync(before);
    }

    /// <summary>The value as the Identity of SetIdentityMailFromDomain, and as the Domain and EmailAddress to verify.</summary>
    private async Task HostileIdentityAsync(string key, string? value)
    {
        var before = await InitialStateAsync(withIdentityList: true);

        var set = value is null
            ? await Aws.SesAsync("SetIdentityMailFromDomain", ("MailFromDomain", "mail.example.com"))
            : await Aws.SesAsync("SetIdentityMailFromDomain", ("Identity", value), ("MailFromDomain", "mail.example.com"));
        if (IsAwsError(key, set))
        {
            await AssertUnchangedAsync(before, withIdentityList: true);
        }
        else
        {
            // Accepted: the value named an existing identity of example.com (e.g. "EXAMPLE.COM." or user@example.com).
            Assert.True(MailFromDomainRules.TryIdentityDomain(value, out var domain, out _) && domain == "example.com", $"{key}: SES set MAIL FROM for '{value}'");
            (await Aws.SesAsync("SetIdentityMailFromDomain", ("Identity", value!), ("BehaviorOnMXFailure", "UseDefaultValue"))).ShouldSucceed();
            await AssertUnchangedAsync(before, withIdentityList: true);
        }

        await VerifyAsync(key, value, "VerifyDomainIdentity", "Domain", before);
        await VerifyAsync(key, value, "VerifyEmailIdentity", "EmailAddress", before);
    }

    private async Task VerifyAsync(string key, string? value, string action, string parameter, string before)
    {
        var answer = value is null ? await Aws.SesAsync(action) : await Aws.SesAsync(action, (parameter, value));
        if (IsAwsError(key, answer))
        {
            await AssertUnchangedAsync(before, withIdentityList: true);
            return;
        }

        var created = (await Aws.SesAsync("ListIdentities")).All("member").Select(m => m.Value).Except(fixture.SeededIdentities).ToList();
        foreach (var identity in created)
        {
            // A new identity is a clean name: no control characters, markup, spaces or separators from the input.
            var at = identity.LastIndexOf('@');
            Assert.True(IsCleanDomain(identity[(at + 1)..]), $"{key}: {action} stored '{identity}'");
            Assert.True(identity[..Math.Max(at, 0)].All(c => c is > ' ' and < (char)127 and not '<' and not '>' and not '"' and not '\\'), $"{key}: {action} stored '{identity}'");
            Assert.Equal(action == "VerifyEmailIdentity", at >= 0);
            (await Aws.SesAsync("DeleteIdentity", ("Identity", identity))).ShouldSucceed();
        }

        Assert.True(created.Count <= 1, $"{key}: {action} created {created.Count} identities");
        await AssertUnchangedAsync(before, withIdentityList: true);
    }

    /// <summary>Null when the call succeeded; otherwise the refusal, which must be an argument error or an AWS-style error.</summary>
    private async Task<Exception?> OutcomeAsync(string key, Func<Task> call)
    {
        unchanged = false;
        try
        {
            await call();
            return null;
        }
        catch (ArgumentException ex)
        {
            return ex;
        }
        catch (AwsServiceException ex)
        {
            Assert.True(ex.StatusCode is >= 400 and < 500, $"{key}: {ex.StatusCode} {ex.ErrorCode}: {ex.AwsMessage}");
            Assert.False(string.IsNullOrWhiteSpace(ex.ErrorCode), key);
            Assert.False(string.IsNullOrWhiteSpace(ex.AwsMessage), key);
            return ex;
        }
    }

    private bool IsAwsError(string key, AwsAnswer answer)
    {
        unchanged = false;
        if (answer.Status is HttpStatusCode.OK or HttpStatusCode.Created)
            return false;
        Assert.True((int)answer.Status is >= 400 and < 500, $"{key}: {(int)answer.Status} {answer.Xml}");
        Assert.False(string.IsNullOrWhiteSpace(answer.ErrorCode), $"{key}: {answer.Xml}");
        Assert.False(string.IsNullOrWhiteSpace(answer.ErrorMessage), $"{key}: {answer.Xml}");
        return true;
    }

    private static void AssertAcceptedMailFrom(HostileInput row, string? stored)
    {
        if (stored is null)
        {
            Assert.True(string.IsNullOrEmpty(row.Value), $"{row.Key} was accepted but nothing is stored");
            return;
        }

        // SES's checks are not the console's (it takes "_dmarc" labels, for one), but what it stores is always a clean
        // lower-case name under the identity, compared by labels.
        Assert.True(IsCleanDomain(stored) && DnsNameRules.IsProperSubdomainOf(stored, HostileInputs.Identity), $"{row.Key}: stored '{stored}'");
        if (row.ExpectedNormalized is not null)
            Assert.Equal(row.ExpectedNormalized, stored);
    }

    private async Task AssertUnchangedAsync(string before, bool withIdentityList = false)
    {
        Assert.Equal(before, await StateAsync(withIdentityList));
        unchanged = true;
    }

    private static bool IsCleanDomain(string name) =>
        name.Length is > 0 and <= 253 && name.Split('.') is { Length: >= 2 } labels
        && labels.All(l => l.Length is > 0 and <= 63 && l.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_'));

    /// <summary>Everything a refused request could have touched: identities, their MAIL FROM attributes, the example.com zone.</summary>
    private async Task<string> StateAsync(bool withIdentityList = false)
    {
        var names = withIdentityList
            ? (await Aws.SesAsync("ListIdentities")).All("member").Select(m => m.Value).ToList()
            : fixture.SeededIdentities;
        var attributes = await Aws.SesAsync("GetIdentityMailFromDomainAttributes",
            [.. names.Select((n, i) => ($"Identities.member.{i + 1}", n))]);
        var records = await Aws.Route53Async(HttpMethod.Get, $"/2013-04-01/hostedzone/{fixture.ZoneId}/rrset");
        return string.Join("\n", names) + "\n" + attributes.All("MailFromDomainAttributes").Single() + "\n" + records.All("ResourceRecordSets").Single();
    }

    private async Task<IReadOnlyList<ResourceRecordSet>> AddedSetsAsync()
    {
        var after = await fixture.Route53.ListResourceRecordSetsAsync(fixture.ZoneId, null, null);
        return [.. after.Where(a => !fixture.SeededRecordSets.Any(b => b.Name == a.Name && b.Type == a.Type))];
    }

    // Every test leaves the state as it found it (DisposeAsync repairs a failed one), so "before" is read once per variant.
    private static readonly SemaphoreSlim InitialGate = new(1, 1);

    private async Task<string> InitialStateAsync(bool withIdentityList = false)
    {
        await InitialGate.WaitAsync();
        try
        {
            return withIdentityList
                ? fixture.InitialStateWithIdentities ??= await StateAsync(withIdentityList: true)
                : fixture.InitialState ??= await StateAsync();
        }
        finally
        {
            InitialGate.Release();
        }
    }

    private async Task<AwsAnswer> RawRoute53PostAsync(string path, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Aws.Endpoint, path)) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new("text/xml");
        TestSigner.Sign(request, bytes, Region, "route53", "test", "test", DateTimeOffset.UtcNow);
        using var response = await Http.SendAsync(request);
        return new AwsAnswer(response.StatusCode, XDocument.Parse(await response.Content.ReadAsStringAsync()));
    }

    // Escapes what would end the element; CR as a character reference so the reader keeps it. Everything else raw.
    private static string Escape(string value) => (SecurityElement.Escape(value) ?? "").Replace("\r", "&#xD;", StringComparison.Ordinal);
}
