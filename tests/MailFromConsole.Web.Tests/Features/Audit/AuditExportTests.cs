using System.Net;
using System.Text.Json;
using MailFromConsole.Web.Features.Audit;
using MailFromConsole.Web.Tests.Infrastructure.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace MailFromConsole.Web.Tests.Features.Audit;

public sealed class AuditExportTests : SeededAuthHostTest
{
    protected override async Task SeedAsync()
    {
        var log = Host.Services.GetRequiredService<IAuditLog>();
        await log.RecordAsync(new AuditEntry
        {
            At = new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero),
            User = "otto",
            Region = "us-east-1",
            Identity = "=cmd|' /C calc'!A0",
            Action = AuditActions.SetMailFromDomain,
            After = "mail.example.com",
            Result = AuditResults.Success,
        });
        await log.RecordAsync(new AuditEntry
        {
            At = new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero),
            User = "otto",
            Region = "eu-west-1",
            Identity = "example.org",
            Action = AuditActions.PublishRecords,
            ChangeId = "/change/C2",
            Result = "InvalidChangeBatch",
        });
    }

    [Fact]
    public async Task CsvExportIsADownloadWithFormulaCellsDefused()
    {
        using var client = Host.NewClient();
        using var signIn = await client.SignInAsync("vera", AuthTestHost.ViewerPassword);

        using var response = await client.GetAsync("/audit/export.csv?action=SetMailFromDomain");
        var csv = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF');

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("attachment;", response.Content.Headers.ContentDisposition!.ToString());
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("Time (UTC),User,Region,Identity,Action", lines[0]);
        Assert.Contains(",'=cmd|' /C calc'!A0,", lines[1]);
    }

    [Fact]
    public async Task CsvExportDefusesFormulasAfterSeparatorsBlanksAndInFullwidth()
    {
        string[] formulas = [";=1+1", "\uFF1D1+1", "  =1+1", "ok|+cmd", "x;\u3000\uFF20SUM(A1)"];
        var log = Host.Services.GetRequiredService<IAuditLog>();
        foreach (var formula in formulas)
        {
            await log.RecordAsync(new AuditEntry
            {
                At = new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero), User = "otto", Region = "us-east-1",
                Identity = formula, Action = AuditActions.DisableMailFromDomain, Detail = formula, Result = "InvalidParameterValue",
            });
        }
        using var client = Host.NewClient();
        using var signIn = await client.SignInAsync("vera", AuthTestHost.ViewerPassword);

        using var response = await client.GetAsync("/audit/export.csv?action=DisableMailFromDomain");
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(formulas.Length + 1, lines.Length);
        Assert.All(lines.Skip(1), line => Assert.False(HostileAuditLogTests.StartsAFormula(line.Replace("\"", "", StringComparison.Ordinal)), line));
    }

    [Fact]
    public async Task JsonExportKeepsTheFiltersAndEveryField()
    {
        using var client = Host.NewClient();
        using var signIn = await client.SignInAsync("vera", AuthTestHost.ViewerPassword);

        using var response = await client.GetAsync("/audit/export.json?region=eu-west-1&result=failure");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entry = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal("example.org", entry.GetProperty("identity").GetString());
        Assert.Equal("/change/C2", entry.GetProperty("changeId").GetString());
        Assert.Equal("InvalidChangeBatch", entry.GetProperty("result").GetString());
    }

    [Fact]
    public async Task ExportNeedsASignedInUser()
    {
        using var client = Host.NewClient();

        using var response = await client.GetAsync("/audit/export.csv");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task BadTimeFilterIsRefusedWithAReason()
    {
        using var client = Host.NewClient();
        using var signIn = await client.SignInAsync("vera", AuthTestHost.ViewerPassword);

        using var response = await client.GetAsync("/audit/export.json?from=yesterday");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("from must be a date and time", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SignInsAndFailedSignInsAreAudited()
    {
        using var client = Host.NewClient();
        using var wrong = await client.SignInAsync("vera", "not-her-password");
        using var right = await client.SignInAsync("vera", AuthTestHost.ViewerPassword);

        var page = await Host.Services.GetRequiredService<IAuditLog>().QueryAsync(new AuditQuery { User = "vera" });

        Assert.Equal([AuditActions.SignIn, AuditActions.SignInFailed], page.Entries.Select(e => e.Action));
        Assert.Equal("WrongNameOrPassword", page.Entries[1].Result);
    }
}
