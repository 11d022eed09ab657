using MailFromConsole.Web.Features.MailFrom;

namespace MailFromConsole.Web.Features.Assistant;

/// <summary>The live check of a proposed MAIL FROM name: the rules at once, then what DNS and SES say.</summary>
public interface ISubdomainAdvisor
{
    /// <summary>The rules' verdict (from the name field) as the first line of the check, without DNS or AWS.</summary>
    SubdomainReport CheckRules(string identity, MailFromCheck check);

    /// <summary>The rules, then what DNS shows at the name and the console's warnings.</summary>
    Task<SubdomainReport> CheckAsync(string region, string identity, string? proposed, CancellationToken cancellationToken = default);
}
