using System.Text.Json;

namespace MailFromConsole.Web.Features.View;

/// <summary>
/// A <see cref="ViewChange"/> as it travels to the other instances on <see cref="Topic"/>: JSON naming the sending
/// instance (so it skips its own echo), the region, the changed identities (split into several messages when the
/// names do not fit in one notification) and, from a listing, its progress (the leader lists; the others show how far).
/// The identities' data stays in the database.
/// </summary>
public static class ViewChangeMessage
{
    public const string Topic = "account-view";

    private sealed record Message(string From, string Region, string[] Identities, LoadProgress? Progress);

    public static IEnumerable<string> Encode(string from, ViewChange change, LoadProgress? listing, int maximumLength)
    {
        ArgumentNullException.ThrowIfNull(change);
        var batch = new List<string>();
        var empty = Serialize(from, change.Region, [], listing).Length;
        var length = empty;
        foreach (var identity in change.Identities)
        {
            // Each name costs its JSON string plus a comma; escaping only makes it longer, so measure it escaped.
            var cost = JsonSerializer.Serialize(identity).Length + 1;
            if (empty + cost > maximumLength)
                throw new ArgumentException($"An identity name of {identity.Length} characters does not fit in one change message (SES's are far shorter).", nameof(change));
            if (length + cost > maximumLength)
            {
                yield return Serialize(from, change.Region, batch, listing);
                batch.Clear();
                length = empty;
            }
            batch.Add(identity);
            length += cost;
        }
        if (batch.Count > 0 || change.Identities.Count == 0) yield return Serialize(from, change.Region, batch, listing);
    }

    /// <summary>The change another instance made; false for this instance's own messages and for anything unreadable.</summary>
    public static bool TryDecode(string payload, string self, out ViewChange change, out LoadProgress? progress)
    {
        change = new ViewChange("", []);
        progress = null;
        Message? message;
        try
        {
            message = JsonSerializer.Deserialize<Message>(payload);
        }
        catch (JsonException)
        {
            return false;
        }
        if (message is not { From: { } from, Region: { Length: > 0 } region, Identities: { } identities } || from == self) return false;
        change = new ViewChange(region, identities);
        progress = message.Progress;
        return true;
    }

    private static string Serialize(string from, string region, IReadOnlyCollection<string> identities, LoadProgress? listing) =>
        JsonSerializer.Serialize(new Message(from, region, [.. identities], listing));
}
