using MailFromConsole.Web.Features.Account;
using MailFromConsole.Web.Infrastructure.Auth;
using MailFromConsole.Web.Infrastructure.Hosting;
using MailFromConsole.Web.Infrastructure.Operations;
using MailFromConsole.Web.Infrastructure.Storage;

// `hash-password` prints a password hash for Auth:Users and exits.
if (PasswordHashCommand.TryRun(args, Console.In, Console.Out, Console.Error)) return 0;

// A storage setting or a database this version must not touch (found while configuring or at start-up): one line, no stack trace.
try
{
    var contentRoot = ContentLocator.FindContentRoot();
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions
    {
        Args = args,
        ContentRootPath = contentRoot,
        WebRootPath = Path.Combine(contentRoot, ContentLocator.AssetsFolder),
    });
    // MudBlazor's CSS/JS come from the package as static web assets, also outside Development.
    builder.WebHost.UseStaticWebAssets();
    builder.LimitRequestBodies();

    await builder.StartLocalAwsIfConfiguredAsync();
    builder.Services.AddApplicationServices(builder.Configuration);
    builder.Services.AddConsoleAuth(builder.Configuration);
    builder.Services.AddConsoleOperations(builder.Configuration);

    var app = builder.Build();
    app.UseConsoleForwardedHeaders();
    if (!app.Environment.IsDevelopment())
    {
        app.UseExceptionHandler("/Error", createScopeForErrors: true);
    }
    app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
    app.UseRequestSizeLimit();
    // Security headers, sign-in, roles, login rate limits and antiforgery, before anything is served.
    app.UseConsoleAuth();
    app.UseStaticFiles();
    app.MapApplication();
    app.MapConsoleHealth();
    app.LogListeningUrls();

    await app.RunAsync();
}
catch (ConsoleStorageException refused)
{
    await Console.Error.WriteLineAsync(refused.Message);
    return 1;
}
return 0;

/// <summary>Entry point, visible to WebApplicationFactory in the browser tests.</summary>
public partial class Program;
