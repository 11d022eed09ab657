using MailFromConsole.Core.Ses;
using MailFromConsole.Core.View;

namespace MailFromConsole.Web.Features.View;

/// <summary>
/// One region's identities as of one change of the view, never modified: every circuit and the sweeper read the same
/// instance (no copy per page view), and the name order a list page slices is sorted once per change, when first asked.
/// </summary>
public sealed class ViewSnapshot
{
    /// <summary>Names as the list shows them: case-blind, then exact, so the order is the same on every build.</summary>
    public static readonly IComparer<IdentityState> NameOrder = Comparer<IdentityState>.Create((a, b) =>
    {
        var blind = StringComparer.OrdinalIgnoreCase.Compare(a.Identity, b.Identity);
        return blind != 0 ? blind : StringComparer.Ordinal.Compare(a.Identity, b.Identity);
    });

    private readonly Lazy<IdentityState[]> domains;
    private readonly Lazy<IdentityState[]> emailAddresses;

    private ViewSnapshot(IdentityState[] all)
    {
        All = all;
        domains = new Lazy<IdentityState[]>(() => Sorted(IdentityType.Domain));
        emailAddresses = new Lazy<IdentityState[]>(() => Sorted(IdentityType.EmailAddress));
    }

    /// <summary>Every identity of the region, in no particular order.</summary>
    public IReadOnlyList<IdentityState> All { get; }

    public static ViewSnapshot From(IEnumerable<IdentityState> states) => new([.. states]);

    /// <summary>The identities of one type in name order (see <see cref="NameOrder"/>).</summary>
    public IReadOnlyList<IdentityState> ByName(IdentityType type) => type == IdentityType.EmailAddress ? emailAddresses.Value : domains.Value;

    private IdentityState[] Sorted(IdentityType type)
    {
        var sorted = All.Where(s => s.Type == type).ToArray();
        Array.Sort(sorted, NameOrder);
        return sorted;
    }
}
