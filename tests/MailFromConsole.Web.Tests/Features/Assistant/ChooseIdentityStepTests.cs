using Bunit;
using MailFromConsole.Core.Ses;
using MailFromConsole.Web.Features.Assistant;
namespace MailFromConsole.Web.Tests.Features.Assistant;

public sealed class ChooseIdentityStepTests() : ConsoleTestContext(onTestClock: true)
{
    [Fact]
    public void OnlyVerifiedIdentitiesAreOfferedAndTheOthersAreNamed()
    {
        Aws.Ses.Add(Region, "example.com");
        Aws.Ses.Add(Region, "user@example.com");
        Aws.Ses.Add(Region, "waiting.org", VerificationStatus.Pending);
        IdentityChoice? chosen = null;

        var step = Render<ChooseIdentityStep>(p => p.Add(x => x.Region, Region).Add(x => x.Chosen, c => chosen = c));

        step.WaitForAssertion(() => Assert.Equal(2, step.FindAll("[data-testid=identity-choice]").Count));
        Assert.Equal(["example.com", "user@example.com"], step.FindAll("[data-testid=identity-choice]").Select(e => e.GetAttribute("data-identity")));
        Assert.Contains("waiting.org", step.Find("[data-testid=not-verified-note]").TextContent);

        step.FindAll("[data-testid=identity-choice]")[1].Click();
        step.WaitForAssertion(() => Assert.Equal("user@example.com", chosen?.Identity));
    }

    [Fact]
    public void WithoutAVerifiedIdentityExplainsHowToVerifyOne()
    {
        Aws.Ses.Add(Region, "waiting.org", VerificationStatus.Pending);

        var step = Render<ChooseIdentityStep>(p => p.Add(x => x.Region, Region));

        step.WaitForAssertion(() => Assert.Contains("No verified identity", step.Find("[data-testid=no-verified-identity]").TextContent));
        var help = step.Find("[data-testid=no-verified-identity]").TextContent;
        Assert.Contains("Verify a New Domain", help);
        Assert.Contains("Verify a New Email Address", help);
        Assert.Empty(step.FindAll("[data-testid=identity-choice]"));
    }

    [Fact]
    public void AnAwsErrorIsShownInsteadOfTheList()
    {
        Aws.Ses.FailNext("ListIdentities", "Throttling", "Rate exceeded");

        var step = Render<ChooseIdentityStep>(p => p.Add(x => x.Region, Region));

        step.WaitForAssertion(() => Assert.Contains("throttling", step.Find("[data-testid=identity-error]").TextContent));
    }
}
