namespace MailFromConsole.EndToEnd;

/// <summary>
/// One console process and one Chromium for the whole suite: starting them is the slow part. To reuse them, mark
/// your class <c>[Collection(ConsoleCollection.Name)]</c>, take a <see cref="ConsoleFixture"/> in its constructor and
/// open pages with <c>console.Browser.SignInAsync(console.App.BaseUrl, TestUsers.Operator, "domains")</c>. The
/// console is shared: use an identity or name of your own (or undo your change) so other tests still see the seeds.
/// Start a <see cref="ConsoleApp"/> of your own only for a restart, a kill or other settings.
/// </summary>
public sealed class ConsoleFixture : IAsyncLifetime
{
    public ConsoleApp App { get; private set; } = null!;

    public Browser Browser { get; } = new();

    public async Task InitializeAsync()
    {
        // Side by side: each takes seconds, and neither needs the other to start.
        var app = ConsoleApp.StartAsync();
        var browser = Browser.InitializeAsync();
        try
        {
            await Task.WhenAll(app, browser);
        }
        finally
        {
            // A console that started is stopped by DisposeAsync even when Chromium did not start.
            if (app.IsCompletedSuccessfully) App = await app;
        }
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        if (App is not null) await App.DisposeAsync();
    }
}
