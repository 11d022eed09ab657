namespace MailFromConsole.EndToEnd;

/// <summary>A storage setting the console cannot use stops it with one line that says what to set, not a stack trace.</summary>
public sealed class StorageSettingTests
{
    [Fact]
    public async Task AnUnknownStorageProviderStopsTheConsoleWithOneClearLine()
    {
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => ConsoleApp.StartAsync(new Dictionary<string, string> { ["Storage:Provider"] = "Oracle" }));

        Assert.Contains("exited with 1", refused.Message);
        Assert.Contains("Storage:Provider 'Oracle' is not a storage provider: use Sqlite (the default) or Postgres.", refused.Message);
        Assert.DoesNotContain("   at ", refused.Message);
    }
}
