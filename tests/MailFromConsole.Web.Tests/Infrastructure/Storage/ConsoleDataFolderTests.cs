using MailFromConsole.Web.Infrastructure.Storage;
using Microsoft.Extensions.Configuration;

namespace MailFromConsole.Web.Tests.Infrastructure.Storage;

public sealed class ConsoleDataFolderTests
{
    private static string Resolve(params (string Key, string Value)[] settings) => ConsoleDataFolder.Resolve(
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build());

    [Fact]
    public void DefaultsToAConsoleFolderUnderTheContentRoot() =>
        Assert.Equal("/srv/mfc/.data/console", Resolve(("contentRoot", "/srv/mfc")));

    [Fact]
    public void RelativeSettingIsTakenFromTheContentRoot() =>
        Assert.Equal("/srv/mfc/state/auth", Resolve(("contentRoot", "/srv/mfc"), ("Auth:DataFolder", "state/auth")));

    [Fact]
    public void AbsoluteSettingIsUsedAsItIs() =>
        Assert.Equal("/var/lib/mfc", Resolve(("contentRoot", "/srv/mfc"), ("Auth:DataFolder", "/var/lib/mfc"), ("DataFolder", "/ignored")));

    [Fact]
    public void SharedDataFolderSettingIsTheFallback() =>
        Assert.Equal("/var/lib/shared", Resolve(("DataFolder", "/var/lib/shared")));
}
