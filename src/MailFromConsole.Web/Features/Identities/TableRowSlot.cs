namespace MailFromConsole.Web.Features.Identities;

/// <summary>
/// One row of the identity table on screen, kept from page to page. MudTable keys its rows by item, so with the
/// identities themselves as items a page change replaced every row's elements; with the same slots the next page's
/// identities only change the rows' text and attributes in place, a fraction of the browser's work.
/// </summary>
public sealed class TableRowSlot(IdentityRow row)
{
    public IdentityRow Row { get; set; } = row;

    /// <summary>The slots for <paramref name="rows"/>: the first ones of <paramref name="slots"/>, reused in order, and new ones past its end.</summary>
    public static IReadOnlyList<TableRowSlot> Fill(List<TableRowSlot> slots, IReadOnlyList<IdentityRow> rows)
    {
        for (var i = 0; i < rows.Count; i++)
        {
            if (i < slots.Count) slots[i].Row = rows[i];
            else slots.Add(new TableRowSlot(rows[i]));
        }
        return slots[..rows.Count];
    }
}
