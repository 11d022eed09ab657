using MailFromConsole.Web.Infrastructure.Storage;
using MailFromConsole.Web.Infrastructure.Storage.Records;
using Microsoft.EntityFrameworkCore;

namespace MailFromConsole.Web.Tests.Infrastructure.Storage;

/// <summary>The schema comes with the code, on both providers: created at the first start, kept at the next, never downgraded.</summary>
public abstract class MigrationTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : StorageFixture
{
    [Fact]
    public async Task TheFirstStartCreatesTheSchemaAndTheNextStartKeepsTheData()
    {
        var options = await fixture.NewDatabaseAsync();
        var first = new ConsoleDatabase(options);
        await first.EnsureReadyAsync(CancellationToken.None);
        await using (var context = await first.CreateDbContextAsync())
        {
            context.Set<PendingSinceRecord>().Add(new PendingSinceRecord { Region = "us-east-1", Identity = "example.com", MailFromDomain = "mail.example.com", SinceMs = 42 });
            await context.SaveChangesAsync();
        }

        var restarted = new ConsoleDatabase(options);
        await restarted.EnsureReadyAsync(CancellationToken.None);
        await using var reread = await restarted.CreateDbContextAsync();
        var kept = await reread.Set<PendingSinceRecord>().SingleAsync();
        Assert.Equal(("example.com", "mail.example.com", 42L), (kept.Identity, kept.MailFromDomain, kept.SinceMs));
        Assert.Empty(await reread.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task InstancesStartingTogetherOnOneEmptyDatabaseAllStart()
    {
        var options = await fixture.NewDatabaseAsync();
        var instances = Enumerable.Range(0, 3).Select(_ => new ConsoleDatabase(options)).ToList();

        await Task.WhenAll(instances.Select(i => Task.Run(() => i.EnsureReadyAsync(CancellationToken.None))));

        await using var context = await instances[0].CreateDbContextAsync();
        Assert.Equal(context.Database.GetMigrations(), await context.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public async Task ADatabaseANewerVersionMigratedRefusesToStartAndSaysWhy()
    {
        var options = await fixture.NewDatabaseAsync();
        var current = new ConsoleDatabase(options);
        await current.EnsureReadyAsync(CancellationToken.None);
        await using (var context = await current.CreateDbContextAsync())
        {
            await context.Database.ExecuteSqlRawAsync(
                "INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ('29991231235959_FromANewerVersion', '99.0.0')");
        }

        var refused = await Assert.ThrowsAsync<ConsoleStorageException>(() => new ConsoleDatabase(options).EnsureReadyAsync(CancellationToken.None));

        Assert.Contains("29991231235959_FromANewerVersion", refused.Message);
        Assert.Contains("newer version", refused.Message);
        Assert.Contains(options.Description, refused.Message);
    }
}
