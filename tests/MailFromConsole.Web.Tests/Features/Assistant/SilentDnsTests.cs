using System.Net;
using System.Net.Sockets;
using MailFromConsole.Core.Diagnosis;
using MailFromConsole.Core.Ses;
using MailFromConsole.Web.Features.Assistant;
using MailFromConsole.Web.Features.MailFrom;
using Microsoft.Extensions.DependencyInjection;

namespace MailFromConsole.Web.Tests.Features.Assistant;

/// <summary>DNS that never answers (a loopback UDP socket that reads nothing): the guided checks say so and do not block.</summary>
public sealed class SilentDnsTests : ConsoleTestContext
{
    private readonly UdpClient silent = new(new IPEndPoint(IPAddress.Loopback, 0));
    private readonly MailFromDnsDiagnostics diagnostics;

    public SilentDnsTests()
    {
        diagnostics = new MailFromDnsDiagnostics(new DnsResolverOptions { Resolver = silent.Client.LocalEndPoint!.ToString()!, Timeout = TimeSpan.FromMilliseconds(300) });
        Aws.Ses.Add(Region, "example.com").MailFrom =
            new IdentityMailFromDomainAttributes("mail.example.com", CustomMailFromStatus.TemporaryFailure, BehaviorOnMxFailure.UseDefaultValue);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) silent.Dispose();
        base.Dispose(disposing);
    }

    [Fact]
    public async Task TheSubdomainCheckMarksTheDnsLinesUnknownAndStillAllowsTheName()
    {
        var advisor = new SubdomainAdvisor(Services.GetRequiredService<IMailFromService>(), diagnostics);

        var report = await advisor.CheckAsync(Region, "example.com", "mail.example.com");

        Assert.Equal(CheckState.Unknown, report.Items.Single(i => i.Key == SubdomainAdvisor.ReceivesMailKey).State);
        Assert.Equal(CheckState.Unknown, report.Items.Single(i => i.Key == SubdomainAdvisor.CnameKey).State);
        Assert.Contains("did not answer", report.Items.Single(i => i.Key == SubdomainAdvisor.CnameKey).Why);
        Assert.True(report.CanUse);
    }

    [Fact]
    public async Task TheChecklistSaysDnsDoesNotAnswerAndExplainsTemporaryFailure()
    {
        var checklist = new SetupChecklist(Services.GetRequiredService<IMailFromService>(), diagnostics);

        var progress = (await checklist.CheckAsync(Region, "example.com")).Value!;

        var dns = progress.Items.Single(i => i.Key == "dns-answers");
        Assert.Equal(CheckState.Failed, dns.State);
        Assert.Contains("TemporaryFailure", dns.Answer);
        Assert.Contains("tries again by itself", progress.NextStep);
        Assert.False(progress.CanRestart);
    }
}
