using System.Text;
using MailFromConsole.Core.Route53;
using DnsClient;
using MailFromConsole.LocalAws.Dns;
using MailFromConsole.LocalAws.OutsideDns;
using MailFromConsole.LocalAws.Tests.Dns;
using MailFromConsole.Testing;

namespace MailFromConsole.LocalAws.Tests.OutsideDns;

/// <summary>The shared hostile-input table typed into the outside DNS provider, as a record name and as a TXT value.</summary>
public sealed class OutsideDnsHostileInputTests(OutsideDnsHostileInputTests.Provider provider) : IClassFixture<OutsideDnsHostileInputTests.Provider>
{
    [Theory]
    [MemberData(nameof(HostileInputs.MailFromDomainKeys), MemberType = typeof(HostileInputs))]
    public async Task RecordNameIsRefusedWithAReasonOrStoredAsAValidNameThatDnsServes(string key)
    {
        var input = HostileInputs.MailFromDomain(key);
        OutsideRecord record;
        try
        {
            record = provider.Store.AddRecord(HostileInputs.Identity, input.Value, "TXT", "row " + key);
        }
        catch (OutsideDnsException refused)
        {
            Assert.False(string.IsNullOrWhiteSpace(refused.Message));
            Assert.Null(input.ExpectedNormalized);
            return;
        }

        if (input.ExpectedNormalized is not null)
        {
            Assert.Equal(input.ExpectedNormalized + ".", record.Name);
        }

        Assert.True(DnsNames.IsAtOrBelow(record.Name, "example.com."));
        Assert.True(record.Name.Length <= 254);
        Assert.All(record.Name.TrimEnd('.').Split('.'), label => Assert.Matches("^[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?$", label));
        var answer = await LocalDns.Client(provider.Dns.Endpoint).QueryAsync(record.Name, QueryType.TXT);
        Assert.Contains(answer.Answers.TxtRecords(), txt => string.Concat(txt.Text) == "row " + key);
    }

    [Theory]
    [MemberData(nameof(HostileInputs.MailFromDomainKeys), MemberType = typeof(HostileInputs))]
    public async Task TxtValueIsRefusedWithAReasonOrServedExactlyAsStored(string key)
    {
        var input = HostileInputs.MailFromDomain(key);
        var name = "txt-" + Convert.ToHexString(Encoding.UTF8.GetBytes(key)).ToLowerInvariant();
        OutsideRecord record;
        try
        {
            record = provider.Store.AddRecord(HostileInputs.Identity, name, "TXT", input.Value);
        }
        catch (OutsideDnsException refused)
        {
            Assert.False(string.IsNullOrWhiteSpace(refused.Message));
            return;
        }

        Assert.DoesNotContain(record.Value, char.IsControl);
        Assert.True(Encoding.UTF8.GetByteCount(record.Value) <= OutsideRecordInput.MaxTxtLength);
        var answer = await LocalDns.Client(provider.Dns.Endpoint).QueryAsync(record.Name, QueryType.TXT);
        Assert.Equal(record.Value, string.Concat(Assert.Single(answer.Answers.TxtRecords()).Text));
    }

    /// <summary>One outside provider (SQLite and the local DNS server) shared by every row.</summary>
    public sealed class Provider : IAsyncLifetime
    {
        private readonly TempDatabase _database = new();

        public OutsideZoneStore Store { get; private set; } = null!;

        public LocalDnsServer Dns { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Store = new OutsideZoneStore(_database.Path);
            Store.AddZone(HostileInputs.Identity);
            Dns = await LocalDns.StartAsync(Store);
        }

        public async Task DisposeAsync()
        {
            await Dns.DisposeAsync();
            _database.Dispose();
        }
    }
}
