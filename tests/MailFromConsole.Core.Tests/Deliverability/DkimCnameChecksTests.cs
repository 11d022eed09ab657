using MailFromConsole.Core.Deliverability;
using MailFromConsole.Core.Diagnosis;
using MailFromConsole.Core.Tests.Dns;

namespace MailFromConsole.Core.Tests.Deliverability;

public sealed class DkimCnameChecksTests : IDisposable
{
    private readonly LoopbackDnsServer _dns = LoopbackDnsServer.Start("example.com");

    public void Dispose()
    {
        _dns.Dispose();
        Assert.Empty(_dns.ServerErrors);
    }

    [Fact]
    public async Task EachOfTheThreeCnamesIsCheckedOnItsOwn()
    {
        _dns.AddCname("tok1._domainkey.example.com", "tok1.dkim.amazonses.com")
            .AddCname("tok2._domainkey.example.com", "tok1.dkim.amazonses.com");

        var checks = await new DeliverabilityDnsChecks(_dns.ResolverOptions)
            .CheckDkimCnamesAsync("Example.com", ["tok1", "tok2", "tok3"]);

        Assert.Equal([DkimCnameState.Published, DkimCnameState.WrongTarget, DkimCnameState.Missing], checks.Select(c => c.State));
        Assert.Equal("tok2._domainkey.example.com", checks[1].Name);
        Assert.Equal("tok2.dkim.amazonses.com", checks[1].Expected);
        Assert.Equal("tok1.dkim.amazonses.com", checks[1].Found);
    }
}
