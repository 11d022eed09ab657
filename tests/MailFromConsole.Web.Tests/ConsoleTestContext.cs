using Bunit;
using Bunit.TestDoubles;
using MailFromConsole.Web.Components.Flash;
using MailFromConsole.Web.Features.Audit;
using MailFromConsole.Web.Infrastructure.Auth;
using MailFromConsole.Web.Tests.Fakes;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using MudBlazor.Services;

namespace MailFromConsole.Web.Tests;

/// <summary>
/// The one base of the Web tests, for components and services alike: the console services as the app registers them
/// (<see cref="TestServices.AddTestServices"/>) over a fresh <see cref="FakeAws"/>, MudBlazor, loose JS interop, and
/// a signed-in Admin. How to use it:
/// <list type="bullet">
/// <item>Seed <see cref="Aws"/> in the test's constructor or at the start of the test; the account view follows it at once.</item>
/// <item>A component test calls <c>Render&lt;T&gt;()</c> (and <see cref="RenderProviders"/> for dialogs, popovers, snackbars).</item>
/// <item>A service test resolves the service's interface from <c>Services</c>, as a page injects it.</item>
/// <item><see cref="SignInAs"/> changes the user (roles are checked by the services); <see cref="AuditEntriesAsync"/> reads the real audit log.</item>
/// <item>Pass <c>onTestClock: true</c> to run the console on <see cref="Clock"/>, which the test moves.</item>
/// </list>
/// Tests of other shapes reuse the same registrations: hosts over the real wire (<c>LocalBackendHost</c>), a
/// restartable view (<c>ViewTestHost</c>), the auth over real HTTP (<c>AuthTestHost</c>).
/// </summary>
public abstract class ConsoleTestContext : BunitContext, IAsyncLifetime
{
    protected const string Region = FakeAws.Region;

    /// <summary>Long enough for the first query to start the loopback DNS server.</summary>
    protected static readonly TimeSpan DnsWait = TimeSpan.FromSeconds(10);

    /// <param name="onTestClock">Registers <see cref="Clock"/> as the console's TimeProvider.</param>
    protected ConsoleTestContext(bool onTestClock = false)
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        // bUnit's test auth is the circuit's AuthenticationStateProvider; the console's guard reads it as in the app.
        Authorization = AddAuthorization();
        Authorization.SignInAs(TestUsers.DefaultRole);
        Services.AddSingleton<AntiforgeryStateProvider, TestAntiforgery>();
        Services.AddMudServices(o =>
        {
            o.SnackbarConfiguration.ShowTransitionDuration = 0;
            o.SnackbarConfiguration.HideTransitionDuration = 0;
        });
        Services.AddTestServices(Aws);
        if (onTestClock) Services.AddSingleton<TimeProvider>(Clock);
    }

    protected FakeAws Aws { get; } = new();

    /// <summary>The console's clock when the test asked for it (<c>onTestClock</c>); the test moves it.</summary>
    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));

    /// <summary>The circuit's sign-in (an Admin unless the test says otherwise).</summary>
    protected BunitAuthorizationContext Authorization { get; }

    /// <summary>Makes the user someone with <paramref name="role"/> (named after it unless <paramref name="name"/>), as sign-in or revalidation would.</summary>
    protected void SignInAs(ConsoleRole role, string? name = null) => Authorization.SignInAs(role, name);

    /// <summary>What the services wrote to the audit log, oldest first.</summary>
    protected Task<IReadOnlyList<AuditEntry>> AuditEntriesAsync() => Services.AuditEntriesAsync();

    public Task InitializeAsync()
    {
        // After every registration (setting it builds the services): components run as in the circuit; a test of the
        // prerendered document sets a static RendererInfo itself.
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return Task.CompletedTask;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        // MudBlazor's services only dispose asynchronously.
        await base.DisposeAsync();
        await Aws.DisposeAsync();
    }

    /// <summary>Renders the popover, dialog and snackbar providers and the flash bar, as MainLayout does.</summary>
    protected IRenderedComponent<MudDialogProvider> RenderProviders()
    {
        Render<MudPopoverProvider>();
        Snackbars = Render<MudSnackbarProvider>();
        FlashBar = Render<FlashBar>();
        return Render<MudDialogProvider>();
    }

    /// <summary>Where snackbar messages (copy confirmations) appear (after <see cref="RenderProviders"/>).</summary>
    protected IRenderedComponent<MudSnackbarProvider> Snackbars { get; private set; } = null!;

    /// <summary>The flash bar at the top of the page: what an action did or why it failed (after <see cref="RenderProviders"/>).</summary>
    protected IRenderedComponent<FlashBar> FlashBar { get; private set; } = null!;

    /// <summary>Opens a dialog through IDialogService, as the pages do.</summary>
    protected async Task<IDialogReference> ShowDialogAsync<TDialog>(IRenderedComponent<MudDialogProvider> provider, string title, DialogParameters<TDialog> parameters)
        where TDialog : ComponentBase
    {
        IDialogReference? reference = null;
        await provider.InvokeAsync(async () => reference = await Services.GetRequiredService<IDialogService>().ShowAsync<TDialog>(title, parameters));
        return reference!;
    }

    /// <summary>Gives forms a token, as the app's antiforgery does for a page rendered in a request.</summary>
    private sealed class TestAntiforgery : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken? GetAntiforgeryToken() => new("test-antiforgery-token", "__RequestVerificationToken");
    }
}
