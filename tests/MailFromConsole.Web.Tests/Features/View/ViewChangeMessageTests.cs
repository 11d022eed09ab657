using System.Text;
using MailFromConsole.Testing;
using MailFromConsole.Web.Features.View;
using MailFromConsole.Web.Infrastructure.Cluster;

namespace MailFromConsole.Web.Tests.Features.View;

/// <summary>How a change of the account view travels to the other instances: in notifications PostgreSQL can carry.</summary>
public sealed class ViewChangeMessageTests
{
    [Fact]
    public void AChangeOfThousandsOfIdentitiesArrivesWholeInMessagesThatEachFitOneNotification()
    {
        // Odd names from the shared table among plain ones: those short enough to be SES identities, and well-formed
        // text (a lone surrogate is stored as U+FFFD in PostgreSQL, and so travels as one).
        var odd = HostileInputs.Identities.Select(i => i.Value).OfType<string>()
            .Where(v => v.Length is > 0 and < 300 && Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(v)) == v);
        var names = odd.Concat(Enumerable.Range(0, 2000).Select(i => $"user{i}@example-{i}.com")).Distinct(StringComparer.Ordinal).ToList();
        var progress = new LoadProgress(1000, 10_000, 400, ListingComplete: false);

        var messages = ViewChangeMessage.Encode("instance-a", new ViewChange("eu-west-1", names), progress, IChangeNotifications.MaximumPayloadLength).ToList();

        Assert.True(messages.Count > 1);
        Assert.All(messages, m => Assert.True(m.Length <= IChangeNotifications.MaximumPayloadLength, $"{m.Length} characters"));
        var received = messages.Select(m =>
        {
            Assert.True(ViewChangeMessage.TryDecode(m, "instance-b", out var change, out var listing));
            Assert.Equal("eu-west-1", change.Region);
            Assert.Equal(progress, listing);
            return change.Identities;
        }).SelectMany(i => i).ToList();
        Assert.Equal(names, received);
    }

    [Fact]
    public void AnInstanceSkipsItsOwnMessagesAndAnythingUnreadable()
    {
        var message = ViewChangeMessage.Encode("instance-a", new ViewChange("us-east-1", ["example.com"]), null, IChangeNotifications.MaximumPayloadLength).Single();

        Assert.False(ViewChangeMessage.TryDecode(message, "instance-a", out _, out _));
        Assert.True(ViewChangeMessage.TryDecode(message, "instance-b", out var change, out var progress));
        Assert.Equal(["example.com"], change.Identities);
        Assert.Null(progress);
        Assert.False(ViewChangeMessage.TryDecode("us-east-1|example.com", "instance-b", out _, out _));
        Assert.False(ViewChangeMessage.TryDecode("{\"From\":\"x\"}", "instance-b", out _, out _));
    }
}
