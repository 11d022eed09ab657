using MailFromConsole.Testing;

namespace MailFromConsole.Core.Tests;

/// <summary>The shared table itself: big enough, unique keys, and each kind of hostile input the suite promises is in it.</summary>
public sealed class HostileInputTableTests
{
    [Fact]
    public void HoldsAtLeastTwoHundredMailFromInputsWithUniqueKeys()
    {
        Assert.True(HostileInputs.MailFromDomains.Count >= 200, $"only {HostileInputs.MailFromDomains.Count} rows");
        Assert.Equal(HostileInputs.MailFromDomains.Count, HostileInputs.MailFromDomains.Select(r => r.Key).Distinct().Count());
        Assert.Equal(HostileInputs.Identities.Count, HostileInputs.Identities.Select(r => r.Key).Distinct().Count());
    }

    [Theory]
    [InlineData("\r")]
    [InlineData("\n")]
    [InlineData("\0")]
    [InlineData("&")]
    [InlineData("=")]
    [InlineData("<")]
    [InlineData("\"")]
    [InlineData("'")]
    [InlineData("%00")]
    [InlineData("../")]
    [InlineData("&xxe;")]
    [InlineData("\u202E")]
    [InlineData("DROP TABLE")]
    [InlineData("\":")]
    public void CoversEachPromisedKindOfInputAsMailFromDomainAndAsIdentity(string fragment)
    {
        Assert.Contains(HostileInputs.MailFromDomains, r => r.Value?.Contains(fragment, StringComparison.Ordinal) == true);
        Assert.Contains(HostileInputs.Identities, r => r.Value?.Contains(fragment, StringComparison.Ordinal) == true);
    }

    [Fact]
    public void HasIdnAndPunycodeInBothKinds()
    {
        Assert.Contains(HostileInputs.MailFromDomains, r => r.Value?.Contains("xn--", StringComparison.Ordinal) == true);
        Assert.Contains(HostileInputs.MailFromDomains, r => r.IsValid && r.ExpectedNormalized!.Contains("xn--", StringComparison.Ordinal) && r.Value != r.ExpectedNormalized);
        Assert.Contains(HostileInputs.Identities, r => r.IsValid && r.ExpectedDomain!.Contains("xn--", StringComparison.Ordinal));
    }

    [Fact]
    public void HasHugeStringsAndLengthBoundaries()
    {
        Assert.Contains(HostileInputs.MailFromDomains, r => r.Value?.Length >= 1_000_000);
        Assert.Contains(HostileInputs.MailFromDomains, r => r.Value?.Length == 253 && r.IsValid);
        Assert.Contains(HostileInputs.MailFromDomains, r => r.Value?.Length == 254 && !r.IsValid);
        Assert.Contains(HostileInputs.Identities, r => r.Value?.Length >= 1_000_000);
    }
}
