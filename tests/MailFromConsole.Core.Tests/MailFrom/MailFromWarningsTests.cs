using MailFromConsole.Core.MailFrom;
using MailFromConsole.Core.Ses;

namespace MailFromConsole.Core.Tests.MailFrom;

public sealed class MailFromWarningsTests
{
    [Fact]
    public void WarnsNotToUseTheMailFromDomainInFromWhenFeedbackForwardingIsOn()
    {
        var warning = MailFromWarnings.FeedbackForwarding("mail.example.com", new IdentityNotificationAttributes(null, null, null, ForwardingEnabled: true));

        Assert.NotNull(warning);
        Assert.Contains("feedback forwarding is on", warning);
        Assert.Contains("Do not use an address at mail.example.com as the \"From\" address", warning);
    }

    [Fact]
    public void GivesNoFeedbackWarningWhenForwardingIsOff()
    {
        var notifications = new IdentityNotificationAttributes("arn:aws:sns:us-east-1:123456789012:bounces", null, null, ForwardingEnabled: false);

        Assert.Null(MailFromWarnings.FeedbackForwarding("mail.example.com", notifications));
    }

    [Fact]
    public void GivesNoFeedbackWarningWhenNotificationAttributesAreUnknown()
    {
        Assert.Null(MailFromWarnings.FeedbackForwarding("mail.example.com", null));
    }

    [Fact]
    public void WarnsThatTheNameReceivesMailWhenAnMxPointsAtAMailServer()
    {
        var warning = MailFromWarnings.ReceivesMail("mail.example.com", ["MX1.Provider.example.net.", "feedback-smtp.us-east-1.amazonses.com"]);

        Assert.NotNull(warning);
        Assert.Contains("mail.example.com already receives mail", warning);
        Assert.Contains("mx1.provider.example.net", warning);
        Assert.DoesNotContain("feedback-smtp", warning);
        Assert.Contains("Choose another subdomain, such as bounce.example.com,", warning);
    }

    [Fact]
    public void GivesNoReceivesMailWarningForSesFeedbackHostsOfAnyRegion()
    {
        Assert.Null(MailFromWarnings.ReceivesMail("mail.example.com", ["feedback-smtp.eu-west-1.amazonses.com.", "FEEDBACK-SMTP.us-gov-west-1.amazonses.com"]));
    }

    [Fact]
    public void GivesNoReceivesMailWarningWithoutMxHosts()
    {
        Assert.Null(MailFromWarnings.ReceivesMail("mail.example.com", []));
    }
}
