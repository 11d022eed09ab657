using MailFromConsole.Core.Bulk;
using MailFromConsole.Testing;

namespace MailFromConsole.Core.Tests.Bulk;

public sealed class MailFromPatternTests
{
    [Theory]
    [InlineData("mail.{domain}", "example.com", "mail.example.com")]
    [InlineData("bounce.{domain}", "user@Example.ORG", "bounce.example.org")]
    [InlineData("  mf.eu.{domain} ", "shop.example.net", "mf.eu.shop.example.net")]
    [InlineData("mail.{domain}", "user@münchen.de", "mail.xn--mnchen-3ya.de")]
    public void ThePatternGivesEachIdentityASubdomainOfItsDomain(string pattern, string identity, string expected)
    {
        var result = MailFromPattern.Apply(pattern, identity);

        Assert.True(result.IsValid, string.Join(" ", result.Errors));
        Assert.Equal(expected, result.NormalizedDomain);
    }

    [Theory]
    [InlineData("")]
    [InlineData("mail.example.com")]
    [InlineData("{domain}")]
    [InlineData("mail{domain}")]
    [InlineData("{domain}.mail")]
    [InlineData("a.{domain}.{domain}")]
    public void APatternThatCannotGiveASubdomainIsRefusedWithAReason(string pattern)
    {
        Assert.NotNull(MailFromPattern.Problem(pattern));
        var applied = MailFromPattern.Apply(pattern, "example.com");
        Assert.False(applied.IsValid);
        Assert.NotEmpty(applied.Errors);
    }

    [Fact]
    public void ANameTheMailFromRulesRefuseIsReportedWithTheirWords()
    {
        // 63 characters is the longest label: the rules, not the pattern, refuse it.
        var result = MailFromPattern.Apply(new string('a', 64) + ".{domain}", "example.com");

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.Contains("63", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(HostileInputs.IdentityKeys), MemberType = typeof(HostileInputs))]
    public void AHostileIdentityGivesMailDotItsDomainOrAClearErrorNeverAnException(string key)
    {
        var row = HostileInputs.IdentityInput(key);

        var result = MailFromPattern.Apply("mail.{domain}", row.Value!);

        if (row.IsValid && ("mail." + row.ExpectedDomain).Length <= 253)
            Assert.Equal("mail." + row.ExpectedDomain, result.NormalizedDomain);
        else
            Assert.NotEmpty(result.Errors);
    }
}
