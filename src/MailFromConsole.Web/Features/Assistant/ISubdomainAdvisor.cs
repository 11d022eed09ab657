namespace MailFromConsole.Web.Features.Assistant;

/// <summary>The live check of a proposed MAIL FROM name: the rules at once, then what DNS and SES say.</summary>
public interface ISubdomainAdvisor
{
    /// <summary>The rules only, without DNS or AWS: for every keystroke.</summary>
    SubdomainReport CheckRules(string identity, string? proposed);

    /// <summary>The rules, then what DNS shows at the name and the console's warnings.</summary>
    Task<SubdomainReport> CheckAsync(string region, string identity, string? proposed, CancellationToken cancellationToken = default);
}
