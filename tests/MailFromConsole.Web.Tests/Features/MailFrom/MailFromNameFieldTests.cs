using Bunit;
using MailFromConsole.Web.Features.MailFrom;

namespace MailFromConsole.Web.Tests.Features.MailFrom;

public sealed class MailFromNameFieldTests : ConsoleTestContext
{
    private readonly Dictionary<string, TaskCompletionSource<string>> pending = [];
    private readonly List<string> answers = [];
    private readonly List<MailFromCheck?> checks = [];

    private IRenderedComponent<MailFromNameField<string>> RenderField(string? value = null)
    {
        RenderProviders();
        return Render<MailFromNameField<string>>(p => p
            .Add(x => x.Identity, "example.com")
            .Add(x => x.TestId, "name")
            .Add(x => x.Value, value)
            .Add(x => x.CheckChanged, c => checks.Add(c))
            .Add(x => x.LookUp, (domain, _) => (pending[domain] = new TaskCompletionSource<string>()).Task)
            .Add(x => x.LookedUp, a => answers.Add(a)));
    }

    private static void Type(IRenderedComponent<MailFromNameField<string>> field, string value) =>
        field.Find("input[type=text]").Input(value);

    [Fact]
    public async Task AnAnswerForANameTheUserHasSinceChangedIsDropped()
    {
        var field = RenderField();

        Type(field, "Mail.example.com");
        Type(field, "bounce.example.com");
        await field.InvokeAsync(() => pending["mail.example.com"].SetResult("old"));
        await field.InvokeAsync(() => pending["bounce.example.com"].SetResult("new"));

        field.WaitForAssertion(() => Assert.Equal(["new"], answers));
    }

    [Fact]
    public void AnInvalidNameGetsCoresVerdictAndNoLookUp()
    {
        var field = RenderField();

        Type(field, "mail.example.org");

        Assert.False(Assert.Single(checks.OfType<MailFromCheck>()).CanSet);
        Assert.Empty(pending);
    }

    [Fact]
    public void AValueGivenByTheScreenIsCheckedLikeTyping()
    {
        var field = RenderField("mail.example.com");

        Assert.True(Assert.Single(checks.OfType<MailFromCheck>()).CanSet);
        Assert.True(pending.ContainsKey("mail.example.com"));
    }
}
