namespace MailFromConsole.EndToEnd;

/// <summary>One console process and one Chromium for the whole suite: starting them is the slow part.</summary>
public sealed class ConsoleFixture : IAsyncLifetime
{
    public ConsoleApp App { get; private set; } = null!;

    public Browser Browser { get; } = new();

    public async Task InitializeAsync()
    {
        App = await ConsoleApp.StartAsync();
        await Browser.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        await App.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ConsoleCollection : ICollectionFixture<ConsoleFixture>
{
    public const string Name = "console";
}
