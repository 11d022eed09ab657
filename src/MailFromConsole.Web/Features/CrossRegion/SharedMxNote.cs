namespace MailFromConsole.Web.Features.CrossRegion;

/// <summary>About one MAIL FROM domain used by one or more regions: where its single MX points.</summary>
public sealed record SharedMxNote(string MailFromDomain, IReadOnlyList<string> Regions, string? MxRegion, string Explanation);
