using MailFromConsole.Core.Route53;

namespace MailFromConsole.Web.Tests.Fakes;

/// <summary>The console's own fake Route 53, plus any other account a test adds (as Aws:Route53Accounts would).</summary>
public sealed class FakeRoute53Accounts(IRoute53Client own) : IRoute53Accounts
{
    private readonly List<Route53Account> roles = [];

    public IReadOnlyList<Route53Account> All => [new Route53Account(own, null, null, null), .. roles];

    public void Add(string suffix, string roleArn, IRoute53Client client) => roles.Add(new Route53Account(client, roleArn, null, suffix));

    public Route53Account For(string domainName) =>
        roles.FirstOrDefault(r => domainName == r.Suffix || domainName.EndsWith("." + r.Suffix, StringComparison.Ordinal)) ?? All[0];
}
