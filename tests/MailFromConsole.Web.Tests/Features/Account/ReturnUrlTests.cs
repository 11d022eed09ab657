using MailFromConsole.Web.Features.Account;

namespace MailFromConsole.Web.Tests.Features.Account;

public sealed class ReturnUrlTests
{
    [Theory]
    [InlineData("/setup-assistant?region=us-east-1")]
    [InlineData("/domains?identity=example.com&region=eu-west-1")]
    [InlineData("/setupx")]
    public void SignInReturnsToTheConsolePageAskedFor(string url) => Assert.Equal(url, AccountPaths.SafeReturnUrl(url));

    [Theory]
    [InlineData("/setup")]
    [InlineData("/setup?token=abc")]
    [InlineData("/account/logout")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("https://evil.example/")]
    [InlineData("")]
    public void SignInNeverReturnsToAnotherSiteOrTheAccountPages(string url) => Assert.Equal("/", AccountPaths.SafeReturnUrl(url));
}
