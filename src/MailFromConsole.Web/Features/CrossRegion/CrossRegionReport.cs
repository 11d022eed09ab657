namespace MailFromConsole.Web.Features.CrossRegion;

/// <param name="NotVerifiedIn">Configured regions where the identity is not verified (or unknown).</param>
/// <param name="Absent">"example.com is not an identity in us-west-2": plain facts about regions, not failures.</param>
public sealed record CrossRegionReport(string Identity, IReadOnlyList<RegionMailFrom> Verified, IReadOnlyList<string> NotVerifiedIn, IReadOnlyList<SharedMxNote> Notes,
    IReadOnlyList<string> Errors, IReadOnlyList<string> Absent);
