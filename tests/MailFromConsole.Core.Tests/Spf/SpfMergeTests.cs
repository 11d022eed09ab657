using System.Text;
using MailFromConsole.Core.Spf;

namespace MailFromConsole.Core.Tests.Spf;

public sealed class SpfMergeTests
{
    private const string Ses = "v=spf1 include:amazonses.com ~all";

    /// <summary>Existing TXT values (separated by '|'), the TXT values to publish, whether that is a change, whether it may be published.</summary>
    public static TheoryData<string, string, bool, bool> Merges => new()
    {
        { "", Ses, true, true },
        { "google-site-verification=abc", $"google-site-verification=abc|{Ses}", true, true },
        { "v=spf1 -all", "v=spf1 include:amazonses.com -all", true, true },
        { "v=spf1 mx ~all", "v=spf1 mx include:amazonses.com ~all", true, true },
        { "v=spf1 ip4:192.0.2.0/24 ?all", "v=spf1 ip4:192.0.2.0/24 include:amazonses.com ?all", true, true },
        { "V=SPF1 MX -ALL", "V=SPF1 MX include:amazonses.com -ALL", true, true },
        { "v=spf1 mx", "v=spf1 mx include:amazonses.com", true, true },
        { "v=spf1 mx redirect=_spf.example.net", "v=spf1 mx include:amazonses.com redirect=_spf.example.net", true, true },
        { "v=spf1  mx   -all", "v=spf1  mx   include:amazonses.com -all", true, true },
        { "a=b|v=spf1 mx -all|c=d", "a=b|v=spf1 mx include:amazonses.com -all|c=d", true, true },
        { "v=spf1 include:amazonses.com ~all", Ses, false, true },
        { "v=spf1 mx +include:AmazonSES.com -all", "v=spf1 mx +include:AmazonSES.com -all", false, true },
        { "v=spf1 mx include:amazonses.com. -all", "v=spf1 mx include:amazonses.com. -all", false, true },
        { "v=spf10 mx", $"v=spf10 mx|{Ses}", true, true },
        { "spf2.0/pra mx -all", $"spf2.0/pra mx -all|{Ses}", true, true },
        { "v=spf1 mx -all|v=spf1 a -all", "v=spf1 mx -all|v=spf1 a -all", false, false },
        { "v=spf1 -include:amazonses.com ~all", "v=spf1 -include:amazonses.com ~all", false, false },
    };

    [Theory]
    [MemberData(nameof(Merges))]
    public void MergesIncludeAmazonSesIntoTheTxtRecordSet(string existing, string expected, bool changed, bool canPublish)
    {
        var result = SpfMerge.Merge(Split(existing));

        Assert.Equal(Split(expected), result.TxtValues);
        Assert.Equal(changed, result.Changed);
        Assert.Equal(canPublish, result.CanPublish);
    }

    [Fact]
    public void RefusesToMergeTwoSpfRecordsAndSaysWhy()
    {
        var result = SpfMerge.Merge(["v=spf1 mx -all", "v=spf1 a -all"]);

        var problem = Assert.Single(result.Problems);
        Assert.Contains("There are 2 SPF records", problem);
        Assert.Contains("Combine them by hand", problem);
    }

    [Fact]
    public void ReportsMoreThanTenDnsLookupsAfterTheMerge()
    {
        // include, a, mx, ptr, exists and redirect count: 10 here, 11 with amazonses.com.
        var existing = "v=spf1 a mx ptr exists:%{i}.example.net include:a.example.net include:b.example.net include:c.example.net "
                       + "include:d.example.net include:e.example.net ip4:192.0.2.1 redirect=_spf.example.net";

        var result = SpfMerge.Merge([existing]);

        var problem = Assert.Single(result.Problems);
        Assert.Contains("needs 11 DNS lookups", problem);
        Assert.False(result.CanPublish);
    }

    [Fact]
    public void DoesNotCountIp4Ip6AndAllAsLookups()
    {
        var existing = "v=spf1 " + string.Join(' ', Enumerable.Range(1, 20).Select(i => $"ip4:192.0.2.{i}")) + " ip6:2001:db8::1 -all";

        var result = SpfMerge.Merge([existing]);

        Assert.True(result.CanPublish);
        Assert.DoesNotContain(result.Problems, p => p.Contains("lookups", StringComparison.Ordinal));
    }

    [Fact]
    public void ReportsAValueOver255CharactersAsNeedingToBeSplit()
    {
        var existing = "v=spf1 " + string.Join(' ', Enumerable.Range(1, 16).Select(i => $"ip4:198.51.100.{i}/32")) + " -all";

        var result = SpfMerge.Merge([existing]);

        Assert.True(result.Changed);
        Assert.True(result.CanPublish);
        var problem = Assert.Single(result.Problems);
        Assert.Contains("at most 255", problem);
        Assert.Contains("split into 2 strings", problem);
    }

    [Fact]
    public void KeepsDuplicateAndEmptyOtherTxtValues()
    {
        var result = SpfMerge.Merge(["x=1", "x=1", ""]);

        Assert.Equal(["x=1", "x=1", "", Ses], result.TxtValues);
    }

    [Theory]
    [InlineData(0, new[] { 0 })]
    [InlineData(255, new[] { 255 })]
    [InlineData(256, new[] { 255, 1 })]
    [InlineData(600, new[] { 255, 255, 90 })]
    public void SplitsCharacterStringsAt255Bytes(int length, int[] expectedLengths)
    {
        var parts = SpfMerge.SplitCharacterStrings(new string('a', length));

        Assert.Equal(expectedLengths, parts.Select(p => p.Length));
    }

    [Fact]
    public void SplitsByUtf8BytesWithoutBreakingACharacter()
    {
        var value = new string('a', 254) + "ü" + "€" + "😀";

        var parts = SpfMerge.SplitCharacterStrings(value);

        Assert.Equal(value, string.Concat(parts));
        Assert.All(parts, p => Assert.InRange(Encoding.UTF8.GetByteCount(p), 1, 255));
        Assert.Equal(new string('a', 254), parts[0]);
    }

    private static List<string> Split(string joined) => joined.Length == 0 ? [] : joined.Split('|').ToList();
}
