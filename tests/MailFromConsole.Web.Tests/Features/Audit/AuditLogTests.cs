using MailFromConsole.Web.Features.Audit;
using MailFromConsole.Web.Tests.Infrastructure.Storage;

namespace MailFromConsole.Web.Tests.Features.Audit;

public sealed class AuditLogTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _folder = new();
    private readonly ConsoleAuditLog _log;

    public AuditLogTests() => _log = new ConsoleAuditLog(TestDatabases.InFolder(_folder.Path));

    public void Dispose() => _folder.Dispose();

    private static AuditEntry Entry(int minute, string user = "otto", string region = "us-east-1", string identity = "example.com",
        string action = AuditActions.SetMailFromDomain, string result = AuditResults.Success) => new()
    {
        At = Start.AddMinutes(minute),
        User = user,
        Region = region,
        Identity = identity,
        Action = action,
        Before = null,
        After = "mail." + identity,
        Result = result,
    };

    [Fact]
    public async Task RecordedEntryComesBackWithEveryField()
    {
        var entry = new AuditEntry
        {
            At = Start.AddMilliseconds(123),
            User = "otto",
            Region = "eu-west-1",
            Identity = "user@example.com",
            Action = AuditActions.PublishRecords,
            Before = "\"v=spf1 include:_spf.google.com ~all\"",
            After = "\"v=spf1 include:_spf.google.com include:amazonses.com ~all\"",
            ChangeId = "/change/C2682N5HXP0BZ4",
            Result = "InvalidChangeBatch",
            Detail = "Tried to delete resource record set but it was not found",
        };

        await _log.RecordAsync(entry);
        var page = await _log.QueryAsync(new AuditQuery());

        var stored = Assert.Single(page.Entries);
        Assert.True(stored.Id > 0);
        Assert.Equal(entry with { Id = stored.Id }, stored);
        Assert.False(stored.Succeeded);
    }

    [Fact]
    public async Task EntriesSurviveReopeningTheLog()
    {
        await _log.RecordAsync(Entry(1));

        var reopened = new ConsoleAuditLog(TestDatabases.InFolder(_folder.Path));

        Assert.Equal(1, (await reopened.QueryAsync(new AuditQuery())).Total);
        Assert.Equal("wal", ReadJournalMode(Path.Combine(_folder.Path, MailFromConsole.Web.Infrastructure.Storage.StorageOptions.SqliteFileName)));
    }

    [Fact]
    public async Task PagesAreNewestFirstWithTheTotalCount()
    {
        for (var minute = 0; minute < 7; minute++)
        {
            await _log.RecordAsync(Entry(minute, identity: $"d{minute}.example"));
        }

        var first = await _log.QueryAsync(new AuditQuery { Take = 3 });
        var last = await _log.QueryAsync(new AuditQuery { Skip = 6, Take = 3 });

        Assert.Equal(7, first.Total);
        Assert.Equal(["d6.example", "d5.example", "d4.example"], first.Entries.Select(e => e.Identity));
        Assert.Equal(["d0.example"], last.Entries.Select(e => e.Identity));
    }

    [Fact]
    public async Task FiltersCombineAndMatchAsDescribed()
    {
        await _log.RecordAsync(Entry(0, user: "otto", region: "us-east-1", identity: "example.com"));
        await _log.RecordAsync(Entry(1, user: "OTTO", region: "eu-west-1", identity: "shop.example.com", action: AuditActions.PublishRecords));
        await _log.RecordAsync(Entry(2, user: "ada", region: "eu-west-1", identity: "example.org", result: "Throttling"));
        await _log.RecordAsync(Entry(3, user: "otto", region: "eu-west-1", identity: "example.com", action: AuditActions.DisableMailFromDomain));

        async Task<int[]> Minutes(AuditQuery query) =>
            (await _log.QueryAsync(query)).Entries.Select(e => (int)(e.At - Start).TotalMinutes).Order().ToArray();

        Assert.Equal(new[] { 0, 1, 3 }, await Minutes(new AuditQuery { User = "otto" }));
        Assert.Equal(new[] { 1, 2, 3 }, await Minutes(new AuditQuery { Region = "eu-west-1" }));
        Assert.Equal(new[] { 0, 1, 3 }, await Minutes(new AuditQuery { Identity = "example.com" }));
        Assert.Equal(new[] { 1 }, await Minutes(new AuditQuery { Identity = "SHOP" }));
        Assert.Equal(new[] { 1 }, await Minutes(new AuditQuery { Action = AuditActions.PublishRecords }));
        Assert.Equal(new[] { 2 }, await Minutes(new AuditQuery { Succeeded = false }));
        Assert.Equal(new[] { 1, 2 }, await Minutes(new AuditQuery { From = Start.AddMinutes(1), To = Start.AddMinutes(3) }));
        Assert.Equal(new[] { 1, 3 }, await Minutes(new AuditQuery { User = "otto", Region = "eu-west-1", Identity = "example.com", Succeeded = true }));
        Assert.Equal(new[] { 3 }, await Minutes(new AuditQuery { User = "otto", Region = "eu-west-1", Action = AuditActions.DisableMailFromDomain }));
    }

    [Fact]
    public async Task IdentityFilterTakesWildcardCharactersLiterally()
    {
        await _log.RecordAsync(Entry(0, identity: "a_b.example"));
        await _log.RecordAsync(Entry(1, identity: "axb.example"));
        await _log.RecordAsync(Entry(2, identity: "100%.example"));

        Assert.Equal(["a_b.example"], (await _log.QueryAsync(new AuditQuery { Identity = "a_b" })).Entries.Select(e => e.Identity));
        Assert.Equal(["100%.example"], (await _log.QueryAsync(new AuditQuery { Identity = "%" })).Entries.Select(e => e.Identity));
    }

    [Theory]
    [InlineData("'; DROP TABLE audit; --")]
    [InlineData("example.com\r\nInjected: header")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("bücher.example")]
    public async Task HostileValuesAreStoredAndFoundVerbatim(string hostile)
    {
        await _log.RecordAsync(Entry(0, user: hostile, identity: hostile));

        var found = await _log.QueryAsync(new AuditQuery { User = hostile, Identity = hostile });

        Assert.Equal(hostile, Assert.Single(found.Entries).Identity);
        Assert.Equal(1, (await _log.QueryAsync(new AuditQuery())).Total);
    }

    [Fact]
    public async Task HugeValueIsCutAndMarked()
    {
        await _log.RecordAsync(Entry(0) with { After = new string('x', 100_000) });

        var stored = Assert.Single((await _log.QueryAsync(new AuditQuery())).Entries);

        Assert.Equal(ConsoleAuditLog.MaximumValueLength, stored.After!.Length);
        Assert.EndsWith("…", stored.After);
    }

    [Fact]
    public async Task ConcurrentWritersAllLand()
    {
        var second = new ConsoleAuditLog(TestDatabases.InFolder(_folder.Path));

        await Task.WhenAll(Enumerable.Range(0, 4).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; i < 25; i++)
            {
                await (writer % 2 == 0 ? _log : second).RecordAsync(Entry(i, user: $"writer{writer}"));
            }
        })));

        Assert.Equal(100, (await _log.QueryAsync(new AuditQuery())).Total);
    }

    [Fact]
    public async Task ExportIgnoresPagingButKeepsFilters()
    {
        for (var minute = 0; minute < 60; minute++)
        {
            await _log.RecordAsync(Entry(minute, user: minute % 2 == 0 ? "otto" : "ada"));
        }

        var exported = new List<AuditEntry>();
        await foreach (var entry in _log.ExportAsync(new AuditQuery { User = "ada", Take = 5 }))
        {
            exported.Add(entry);
        }

        Assert.Equal(30, exported.Count);
        Assert.All(exported, e => Assert.Equal("ada", e.User));
    }

    private static string ReadJournalMode(string file)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        return (string)command.ExecuteScalar()!;
    }
}
