using MailFromConsole.LocalAws.Tests.Support;

namespace MailFromConsole.LocalAws.Tests;

/// <summary>One running server for the whole shared table, reset before each row.</summary>
public sealed class SharedServerFixture : IAsyncLifetime
{
    internal LocalAwsFixture Aws { get; private set; } = null!;

    public async Task InitializeAsync() => Aws = await LocalAwsFixture.StartAsync();

    public async Task DisposeAsync() => await Aws.DisposeAsync();
}
