using System.Net;
using MailFromConsole.Testing;
using MailFromConsole.Web.Features.Audit;
using MailFromConsole.Web.Tests.Infrastructure.Auth;
using MailFromConsole.Web.Tests.Infrastructure.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace MailFromConsole.Web.Tests.Features.Account;

/// <summary>Whatever is typed as a user name is checked before the sign-in is logged or audited.</summary>
public sealed class HostileSignInNameTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task MalformedUserNamesAreRefusedWithAClearMessageAndNeverReachTheLogs()
    {
        var settings = AuthTestHost.SeededUsers(_folder.Path);
        settings["Auth:LoginAttemptsPerMinutePerAddress"] = "10000";
        await using var host = await AuthTestHost.StartAsync(settings);
        using var client = host.NewClient();
        // Rows of the shared table that cannot be a user name: control or invisible characters, markup, over 64 characters.
        var hostile = HostileInputs.MailFromDomains
            .Select(r => r.Value?.Trim())
            .OfType<string>()
            .Where(v => v.Length > 0 && (v.Length > 64 || v.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '@'))))
            .Distinct()
            .ToList();
        Assert.True(hostile.Count > 50);

        foreach (var name in hostile)
        {
            using var response = await client.SignInAsync(name, "some-password");
            var html = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            // ASP.NET refuses a form holding NUL before the endpoint runs (a bare 400); every other row reaches the check.
            if (!name.Contains('\0'))
            {
                Assert.Contains("That is not a valid user name.", html);
            }
        }

        var audited = (await host.Services.GetRequiredService<IAuditLog>().QueryAsync(new AuditQuery { Take = AuditQuery.MaximumPageSize })).Entries;
        Assert.Equal(hostile.Count(n => !n.Contains('\0')), audited.Count(e => e.Action == AuditActions.SignInFailed));
        Assert.All(audited, e => Assert.Equal("(malformed user name)", e.User));
        Assert.All(hostile, name => Assert.DoesNotContain(host.Log.Lines, line => line.Contains(name, StringComparison.Ordinal)));
        Assert.All(host.Log.Lines, line => Assert.DoesNotContain(line, c => char.IsControl(c)));
    }

    [Fact]
    public async Task AValidButUnknownNameIsStillAnsweredAsAWrongPassword()
    {
        await using var host = await AuthTestHost.StartAsync(AuthTestHost.SeededUsers(_folder.Path));
        using var client = host.NewClient();

        using var response = await client.SignInAsync("mail.example.com", "some-password");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var entry = Assert.Single((await host.Services.GetRequiredService<IAuditLog>().QueryAsync(new AuditQuery())).Entries);
        Assert.Equal("mail.example.com", entry.User);
    }
}
