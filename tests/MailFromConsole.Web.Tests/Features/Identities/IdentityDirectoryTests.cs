using MailFromConsole.Core.Ses;
using MailFromConsole.Web.Features.Identities;
using MailFromConsole.Web.Infrastructure.Hosting;
using MailFromConsole.Web.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace MailFromConsole.Web.Tests.Features.Identities;

public sealed class IdentityDirectoryTests
{
    private const string Region = FakeAws.Region;
    private readonly InMemorySes ses = new();
    private readonly FakeTimeProvider time = new();
    private readonly IdentityDirectory directory;

    public IdentityDirectoryTests() =>
        directory = new IdentityDirectory(ses, time, Options.Create(new ConsoleTimingOptions { IdentityListCacheAge = TimeSpan.FromSeconds(30) }), NullLogger<IdentityDirectory>.Instance);

    [Fact]
    public async Task AStaleListIsServedAtOnceWhileAFreshOneLoads()
    {
        ses.Add(Region, "a.com");
        await directory.NamesAsync(Region, IdentityType.Domain, CancellationToken.None);
        ses.Add(Region, "b.com");
        time.Advance(TimeSpan.FromSeconds(31));

        var stale = await directory.NamesAsync(Region, IdentityType.Domain, CancellationToken.None);
        await directory.PendingRefresh(Region, IdentityType.Domain);
        var fresh = await directory.NamesAsync(Region, IdentityType.Domain, CancellationToken.None);

        Assert.Equal(["a.com"], stale);
        Assert.Equal(["a.com", "b.com"], fresh);
    }

    [Fact]
    public async Task WithinTheCacheAgeSesIsNotAskedAgain()
    {
        ses.Add(Region, "a.com");
        await directory.NamesAsync(Region, IdentityType.Domain, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(29));

        await directory.NamesAsync(Region, IdentityType.Domain, CancellationToken.None);

        Assert.Equal(1, ses.ListIdentitiesCalls);
    }

    [Fact]
    public async Task AFailedBackgroundRefreshKeepsTheStaleList()
    {
        ses.Add(Region, "a.com");
        await directory.NamesAsync(Region, IdentityType.Domain, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(31));
        ses.FailNext("ListIdentities", "Throttling", "Rate exceeded");

        await directory.NamesAsync(Region, IdentityType.Domain, CancellationToken.None);
        await directory.PendingRefresh(Region, IdentityType.Domain);

        Assert.Equal(["a.com"], await directory.NamesAsync(Region, IdentityType.Domain, CancellationToken.None));
    }

    [Fact]
    public async Task AddsAndRemovalsPatchTheListWithoutReloading()
    {
        ses.Add(Region, "a.com");
        await directory.NamesAsync(Region, IdentityType.Domain, CancellationToken.None);

        directory.Added(Region, IdentityType.Domain, "c.com");
        directory.Removed(Region, "a.com");

        Assert.Equal(["c.com"], await directory.NamesAsync(Region, IdentityType.Domain, CancellationToken.None));
        Assert.Equal(1, ses.ListIdentitiesCalls);
    }
}
