using MailFromConsole.Core.Deliverability;

namespace MailFromConsole.Core.Tests.Deliverability;

public sealed class OrganizationalDomainTests
{
    [Theory]
    [InlineData("example.com", "example.com")]
    [InlineData("mail.example.com", "example.com")]
    [InlineData("a.b.news.Example.COM.", "example.com")]
    [InlineData("shop.example.co.uk", "example.co.uk")]
    [InlineData("mail.shop.example.co.uk", "example.co.uk")]
    [InlineData("bounce.example.com.au", "example.com.au")]
    [InlineData("mail.spf-conflict.test", "spf-conflict.test")]
    [InlineData("co.uk", "co.uk")]
    public void IsThePublicSuffixPlusOneLabel(string domain, string organizational) =>
        Assert.Equal(organizational, OrganizationalDomain.Of(domain));

    [Theory]
    [InlineData("example.com", "mail.example.com", AlignmentMode.Relaxed, true)]
    [InlineData("example.com", "mail.example.com", AlignmentMode.Strict, false)]
    [InlineData("example.com", "EXAMPLE.com.", AlignmentMode.Strict, true)]
    [InlineData("news.example.com", "mail.news.example.com", AlignmentMode.Relaxed, true)]
    [InlineData("news.example.com", "example.com", AlignmentMode.Relaxed, true)] // a parent's DKIM aligns relaxed
    [InlineData("news.example.com", "example.com", AlignmentMode.Strict, false)]
    [InlineData("example.com", "amazonses.com", AlignmentMode.Relaxed, false)]
    [InlineData("example.com", "example.net", AlignmentMode.Relaxed, false)]
    [InlineData("shop.example.co.uk", "mail.example.co.uk", AlignmentMode.Relaxed, true)]
    [InlineData("example.co.uk", "other.co.uk", AlignmentMode.Relaxed, false)] // co.uk is a suffix, not an organisation
    public void AlignmentFollowsTheMode(string fromDomain, string authenticatedDomain, AlignmentMode mode, bool aligns) =>
        Assert.Equal(aligns, OrganizationalDomain.Aligns(fromDomain, authenticatedDomain, mode));
}
