namespace MailFromConsole.Core.Route53;

/// <summary>Chooses the Route 53 account for a name: the longest configured suffix's role, else the console's own account.</summary>
public interface IRoute53Accounts
{
    Route53Account For(string domainName);

    /// <summary>The console's own account first, then each configured role.</summary>
    IReadOnlyList<Route53Account> All { get; }
}
