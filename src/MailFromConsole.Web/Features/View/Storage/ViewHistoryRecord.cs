using MailFromConsole.Core.View;

namespace MailFromConsole.Web.Features.View.Storage;

/// <summary>One entry of an identity's history; rows are only ever added.</summary>
public sealed class ViewHistoryRecord
{
    public long Id { get; set; }
    public required string Region { get; set; }
    public required string Identity { get; set; }
    public long AtMs { get; set; }
    public required string Kind { get; set; }
    public required string Text { get; set; }
    public bool IsDrift { get; set; }

    public static ViewHistoryRecord From(HistoryEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new ViewHistoryRecord
        {
            Region = entry.Region,
            Identity = entry.Identity,
            AtMs = entry.At.ToUnixTimeMilliseconds(),
            Kind = entry.Kind.ToString(),
            Text = entry.Text,
            IsDrift = entry.IsDrift,
        };
    }

    public HistoryEntry ToEntry() =>
        new(Region, Identity, DateTimeOffset.FromUnixTimeMilliseconds(AtMs), Enum.Parse<HistoryKind>(Kind), Text, IsDrift);
}
