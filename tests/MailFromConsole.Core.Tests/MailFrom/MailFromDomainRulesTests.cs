using MailFromConsole.Core.MailFrom;
using MailFromConsole.Testing;

namespace MailFromConsole.Core.Tests.MailFrom;

public sealed class MailFromDomainRulesTests
{
    [Theory]
    [MemberData(nameof(HostileInputs.MailFromDomainKeys), MemberType = typeof(HostileInputs))]
    public void GivesTheSharedTableVerdictForEveryHostileInput(string key)
    {
        var row = HostileInputs.MailFromDomain(key);

        var result = MailFromDomainRules.Validate(HostileInputs.Identity, row.Value);

        if (row.IsValid)
        {
            Assert.True(result.IsValid, $"{key}: {string.Join(" | ", result.Errors)}");
            Assert.Equal(row.ExpectedNormalized, result.NormalizedDomain);
        }
        else
        {
            Assert.False(result.IsValid, $"{key} was accepted as {result.NormalizedDomain}");
            Assert.Null(result.NormalizedDomain);
            Assert.NotEmpty(result.Errors);
        }
    }

    [Fact]
    public void SharedTableHasUniqueKeysAndCoversBothVerdicts()
    {
        Assert.True(HostileInputs.MailFromDomains.Count >= 100, $"only {HostileInputs.MailFromDomains.Count} rows");
        Assert.Equal(HostileInputs.MailFromDomains.Count, HostileInputs.MailFromDomains.Select(r => r.Key).Distinct().Count());
        Assert.Equal(HostileInputs.Identities.Count, HostileInputs.Identities.Select(r => r.Key).Distinct().Count());
        Assert.Contains(HostileInputs.MailFromDomains, r => r.IsValid);
        Assert.Contains(HostileInputs.MailFromDomains, r => !r.IsValid);
    }

    [Theory]
    [MemberData(nameof(HostileInputs.InvalidMailFromDomainKeys), MemberType = typeof(HostileInputs))]
    public void RefusalMessagesAreShortAndCarryNoControlCharacters(string key)
    {
        var result = MailFromDomainRules.Validate(HostileInputs.Identity, HostileInputs.MailFromDomain(key).Value);

        Assert.All(result.Errors, message =>
        {
            Assert.InRange(message.Length, 20, 400);
            Assert.DoesNotContain(message, char.IsControl);
            Assert.False(UnicodeText.HasLoneSurrogate(message), message);
        });
    }

    [Theory]
    [MemberData(nameof(HostileInputs.IdentityKeys), MemberType = typeof(HostileInputs))]
    public void TakesTheDomainOfEveryIdentityInTheSharedTable(string key)
    {
        var row = HostileInputs.IdentityInput(key);

        var ok = MailFromDomainRules.TryIdentityDomain(row.Value, out var domain, out var error);

        Assert.Equal(row.IsValid, ok);
        if (row.IsValid)
        {
            Assert.Equal(row.ExpectedDomain, domain);
            Assert.Null(error);
        }
        else
        {
            Assert.False(string.IsNullOrWhiteSpace(error));
        }
    }

    [Theory]
    [InlineData("mail.other.com", "mail.other.com is not a subdomain of example.com.")]
    [InlineData("mailexample.com", "mailexample.com is not a subdomain of example.com. A subdomain ends in '.example.com' with a dot before it")]
    [InlineData("example.com", "The MAIL FROM domain cannot be example.com itself; it must be a subdomain of it, such as mail.example.com.")]
    [InlineData("mail..example.com", "has an empty part between two dots")]
    [InlineData("-mail.example.com", "The label '-mail' starts or ends with a hyphen")]
    [InlineData("mail_box.example.com", "Underscores are not allowed")]
    [InlineData("*.example.com", "A wildcard cannot be a MAIL FROM domain")]
    [InlineData("mail example.com", "contains a space")]
    [InlineData("mail.example.com\r\nBcc: x@example.net", "contains a control or invisible character")]
    [InlineData("user@mail.example.com", "not an email address")]
    [InlineData("", "The MAIL FROM domain is empty")]
    [InlineData(null, "The MAIL FROM domain is empty")]
    [InlineData("mаil.example.com", "mixes Latin letters with Cyrillic or Greek letters")]
    [InlineData("💌.example.com", "symbols and emoji are not allowed")]
    [InlineData("xn--zz.example.com", "is not valid punycode")]
    [InlineData("192.168.1.1", "looks like an IP address")]
    public void RefusesWithASpecificMessage(string? proposed, string expectedPhrase)
    {
        var result = MailFromDomainRules.Validate("example.com", proposed);

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.Contains(expectedPhrase, StringComparison.Ordinal));
    }

    [Fact]
    public void RefusesALabelOf64CharactersSayingHowLongItIs()
    {
        var label = new string('x', 64);

        var result = MailFromDomainRules.Validate("example.com", $"{label}.example.com");

        var message = Assert.Single(result.Errors);
        Assert.StartsWith("The label 'xxxxx", message);
        Assert.EndsWith("is 64 characters long; each part between dots can have at most 63.", message);
    }

    [Fact]
    public void RefusesANameOf254CharactersSayingTheLimit()
    {
        var result = MailFromDomainRules.Validate("example.com", HostileInputs.MailFromDomain("name-254").Value);

        Assert.Contains(result.Errors, e => e.Contains("is 254 characters long; a domain name can have at most 253.", StringComparison.Ordinal));
    }

    [Fact]
    public void AcceptsASubdomainOfAnEmailAddressIdentitysDomain()
    {
        var result = MailFromDomainRules.Validate("user@example.com", "bounce.example.com");

        Assert.True(result.IsValid);
        Assert.Equal("bounce.example.com", result.NormalizedDomain);
    }

    [Fact]
    public void RefusesTheEmailIdentitysOwnDomain()
    {
        var result = MailFromDomainRules.Validate("user@example.com", "example.com");

        Assert.Contains(result.Errors, e => e.Contains("cannot be example.com itself", StringComparison.Ordinal));
    }

    [Fact]
    public void ComparesAnIdnIdentityAndMailFromInPunycode()
    {
        var result = MailFromDomainRules.Validate("user@bücher.de", "post.xn--bcher-kva.de");

        Assert.True(result.IsValid);
        Assert.Equal("post.xn--bcher-kva.de", result.NormalizedDomain);
    }

    [Fact]
    public void RefusesAParentOfASubdomainIdentity()
    {
        var result = MailFromDomainRules.Validate("sub.example.com", "mail.example.com");

        Assert.Contains(result.Errors, e => e.Contains("mail.example.com is not a subdomain of sub.example.com.", StringComparison.Ordinal));
    }

    [Fact]
    public void ReportsAnInvalidIdentity()
    {
        var result = MailFromDomainRules.Validate("user@@example.com", "mail.example.com");

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.Contains("more than one '@'", StringComparison.Ordinal));
    }

    [Fact]
    public void ReportsBothAnInvalidIdentityAndAnInvalidMailFrom()
    {
        var result = MailFromDomainRules.Validate("", "mail_x.example.com");

        Assert.Equal(2, result.Errors.Count);
        Assert.Contains("identity is empty", result.Errors[0]);
        Assert.Contains("Underscores", result.Errors[1]);
    }

    [Fact]
    public void IdentityDomainTakesThePartAfterTheAt()
    {
        Assert.Equal("example.com", MailFromDomainRules.IdentityDomain("User@Example.com."));
    }

    [Fact]
    public void IdentityDomainThrowsArgumentExceptionWithTheReasonForAnInvalidIdentity()
    {
        var error = Assert.Throws<ArgumentException>(() => MailFromDomainRules.IdentityDomain("user@"));

        Assert.Contains("empty", error.Message);
    }

    [Fact]
    public void GivesAFewMessagesNotOnePerBadLabel()
    {
        var result = MailFromDomainRules.Validate("example.com", string.Concat(Enumerable.Repeat("a_.", 60)) + "example.com");

        Assert.Equal(3, result.Errors.Count);
        Assert.All(result.Errors, e => Assert.Contains("Underscores are not allowed", e));
    }

    [Fact]
    public void RefusesHugeInputByItsLengthBeforeAnyOtherWork()
    {
        var huge = new string('a', 5_000_000);

        var result = MailFromDomainRules.Validate("example.com", huge + ".example.com");

        var message = Assert.Single(result.Errors);
        Assert.Equal("The MAIL FROM domain is 5,000,012 characters long; a domain name can have at most 253.", message);
    }
}
