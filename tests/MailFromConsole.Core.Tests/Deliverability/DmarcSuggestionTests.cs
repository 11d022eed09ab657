using MailFromConsole.Core.Deliverability;
using MailFromConsole.Testing;

namespace MailFromConsole.Core.Tests.Deliverability;

public sealed class DmarcSuggestionTests
{
    [Fact]
    public void StartsWithMonitoringOnlyAndTheTypedReportAddress()
    {
        Assert.True(DmarcSuggestion.TryCreate(" dmarc-reports@example.com ", out var record, out var error), error);

        Assert.Equal("v=DMARC1; p=none; rua=mailto:dmarc-reports@example.com", record);
        var parsed = DmarcRecord.Parse(record).Record!;
        Assert.Equal(DmarcPolicy.None, parsed.Policy);
        Assert.Equal(["mailto:dmarc-reports@example.com"], parsed.AggregateReportUris);
    }

    [Theory]
    [InlineData("", "Enter the address that should receive the DMARC reports")]
    [InlineData("example.com", "Enter the address that should receive the DMARC reports")]
    [InlineData("a;p=reject@example.com", "contains ';', ',' or '!'")]
    [InlineData("a@example.com,mailto:b@evil.test", "contains ';', ',' or '!'")]
    [InlineData("user@exa mple.com", "The report address is not a valid email address")]
    public void RefusesAddressesThatWouldBreakTheRecord(string address, string message)
    {
        Assert.False(DmarcSuggestion.TryCreate(address, out var record, out var error));
        Assert.Equal("", record);
        Assert.Contains(message, error);
    }

    [Theory]
    [MemberData(nameof(HostileInputs.IdentityKeys), MemberType = typeof(HostileInputs))]
    public void HostileAddressesGiveARecordThatParsesBackOrAMessage(string key)
    {
        var row = HostileInputs.IdentityInput(key);

        var created = DmarcSuggestion.TryCreate(row.Value, out var record, out var error);

        if (created)
        {
            Assert.True(row.IsValid, $"{key} was accepted but the identity rules refuse it");
            Assert.Equal(["mailto:" + row.Value!.Trim(' ')], DmarcRecord.Parse(record).Record!.AggregateReportUris);
        }
        else
        {
            Assert.False(string.IsNullOrWhiteSpace(error));
            Assert.True(!row.IsValid || !row.Value!.Contains('@') || row.Value.IndexOfAny([';', ',', '!']) >= 0, $"{key}: {error}");
        }
    }
}
