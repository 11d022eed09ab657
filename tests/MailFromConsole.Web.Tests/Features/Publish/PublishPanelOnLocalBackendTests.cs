using Bunit;
using MailFromConsole.Web.Features.Publish;
using MailFromConsole.Web.Infrastructure.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace MailFromConsole.Web.Tests.Features.Publish;

/// <summary>The publish panel when the console runs its embedded local AWS (registered before anything renders).</summary>
public sealed class PublishPanelOnLocalBackendTests : ConsoleTestContext
{
    public PublishPanelOnLocalBackendTests()
    {
        Aws.Route53.AddZone("example.com");
        Services.AddSingleton(new LocalBackendInfo(new Uri("http://127.0.0.1:4579/_local/outside-dns"), new Uri("http://127.0.0.1:4579/_local/mailbox")));
    }

    [Fact]
    public void TheManualStepsLinkTheOutsideDnsPage()
    {
        RenderProviders();
        var panel = Render<PublishPanel>(p => p.Add(x => x.Target, new PublishTarget.MailFrom("mail.elsewhere.org", Region)));

        panel.WaitForAssertion(() => Assert.Contains("http://127.0.0.1:4579/_local/outside-dns", panel.Find("[data-testid=manual-local-hint]").InnerHtml));
    }
}
