using MailFromConsole.Core.Route53;
using MailFromConsole.Core.Sts;
using Microsoft.Extensions.Options;

namespace MailFromConsole.Aws.Route53;

/// <summary>
/// <c>Aws:Route53Accounts</c>: one Route 53 client per configured role (signing with that role's session), chosen by
/// the longest suffix that the name is or ends with; any other name uses the console's own account.
/// </summary>
internal sealed class Route53AccountDirectory : IRoute53Accounts, IDisposable
{
    /// <summary>The HttpClient (the shared AWS pipeline) of the role-scoped clients.</summary>
    public const string HttpClientName = "MailFromConsole.Route53.AssumedRole";

    private readonly Route53Account _own;
    private readonly IReadOnlyList<Route53Account> _roles;
    private readonly List<AssumedRoleCredentials> _sessions = [];

    public Route53AccountDirectory(IRoute53Client own, IStsClient sts, IHttpClientFactory httpClients, IOptions<AwsClientOptions> options, TimeProvider time)
    {
        _own = new Route53Account(own, null, null, null);
        var roles = new List<Route53Account>();
        foreach (var entry in options.Value.Route53Accounts)
        {
            var suffix = Suffix(entry.Suffix);
            var externalId = string.IsNullOrEmpty(entry.ExternalId) ? null : entry.ExternalId;
            var session = new AssumedRoleCredentials(sts, options.Value.StsRegion, entry.RoleArn, externalId, time);
            _sessions.Add(session);
            roles.Add(new Route53Account(new Route53Client(httpClients.CreateClient(HttpClientName), options, session), entry.RoleArn, externalId, suffix));
        }
        _roles = [.. roles.OrderByDescending(r => r.Suffix!.Length)];
    }

    public IReadOnlyList<Route53Account> All => [_own, .. _roles];

    public Route53Account For(string domainName)
    {
        var name = string.Join('.', DnsNames.Labels(domainName));
        return _roles.FirstOrDefault(r => name == r.Suffix || name.EndsWith("." + r.Suffix, StringComparison.Ordinal)) ?? _own;
    }

    private static string Suffix(string configured)
    {
        try
        {
            return string.Join('.', DnsNames.Labels(configured ?? ""));
        }
        catch (ArgumentException ex)
        {
            throw new InvalidOperationException($"Aws:Route53Accounts: '{configured}' is not a domain suffix such as example.com ({ex.Message})", ex);
        }
    }

    public void Dispose()
    {
        foreach (var session in _sessions)
            session.Dispose();
    }
}
