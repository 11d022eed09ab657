using System.Net;
using System.Text.Json;
using MailFromConsole.Web.Tests.Infrastructure.Auth;

namespace MailFromConsole.Web.Tests.Infrastructure.Hosting;

/// <summary>What the README's <c>dotnet run --project src/MailFromConsole.Web</c> gives: production behaviour and a clear size limit.</summary>
public sealed class ProductionDefaultsTests : SeededAuthHostTest
{
    [Fact]
    public async Task AFiveMegabyteFormIsToldItIsTooLargeNotThatItsTokenIsInvalid()
    {
        using var client = Host.NewClient();

        using var response = await client.SignInAsync("otto", new string('x', 5 * 1024 * 1024));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("This request is too large (5 MB); the console accepts at most 1 MB per request.", text);
        Assert.DoesNotContain("anti-forgery", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AFormUnderTheLimitIsStillRead()
    {
        using var client = Host.NewClient();

        using var response = await client.SignInAsync("otto", new string('x', 512 * 1024));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public void TheDefaultRunProfileIsProductionAndDevelopmentIsAChoice()
    {
        var file = Path.Combine(RepositoryRoot(), "src", "MailFromConsole.Web", "Properties", "launchSettings.json");
        using var settings = JsonDocument.Parse(File.ReadAllText(file));
        var profiles = settings.RootElement.GetProperty("profiles").EnumerateObject().ToList();

        // dotnet run takes the first profile unless --launch-profile names another.
        Assert.Equal("Production", profiles[0].Value.GetProperty("environmentVariables").GetProperty("ASPNETCORE_ENVIRONMENT").GetString());
        Assert.Contains(profiles, p => p.Name == "development"
            && p.Value.GetProperty("environmentVariables").GetProperty("ASPNETCORE_ENVIRONMENT").GetString() == "Development");
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "MailFromConsole.sln")))
        {
            folder = folder.Parent;
        }
        return folder?.FullName ?? throw new InvalidOperationException("MailFromConsole.sln not found above " + AppContext.BaseDirectory);
    }
}
