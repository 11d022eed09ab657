namespace MailFromConsole.Web.Features.View;

/// <summary>
/// How far the view of a region is: identities listed so far (of about <see cref="AboutTotal"/>, the last complete
/// count, when one is known), how many have their status read, and whether a full round has ended since start.
/// </summary>
public sealed record LoadProgress(int Listed, int? AboutTotal, int StatusRead, bool ListingComplete)
{
    public static readonly LoadProgress NotStarted = new(0, null, 0, false);

    /// <summary>Sorting and filtering by status cover every identity only once all are listed and read.</summary>
    public bool RoundComplete => ListingComplete && StatusRead >= Listed;
}
