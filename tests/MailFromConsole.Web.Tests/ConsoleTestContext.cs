using Bunit;
using Bunit.TestDoubles;
using MailFromConsole.Web.Features.Audit;
using MailFromConsole.Web.Infrastructure.Auth;
using MailFromConsole.Web.Tests.Fakes;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace MailFromConsole.Web.Tests;

/// <summary>A bUnit context with the console services over the fake AWS and MudBlazor's providers rendered.</summary>
public abstract class ConsoleTestContext : BunitContext, IAsyncLifetime
{
    protected const string Region = FakeAws.Region;

    protected FakeAws Aws { get; } = new();

    protected ConsoleTestContext() => Authorization = this.AddTestServices(Aws);

    /// <summary>The circuit's sign-in (an Admin unless the test says otherwise).</summary>
    protected BunitAuthorizationContext Authorization { get; }

    /// <summary>Makes the circuit's user someone with <paramref name="role"/>, as sign-in or revalidation would.</summary>
    protected void SignInAs(ConsoleRole role) => Authorization.SignInAs(role);

    /// <summary>What the services wrote to the audit log, oldest first.</summary>
    protected Task<IReadOnlyList<AuditEntry>> AuditEntriesAsync() => Services.AuditEntriesAsync();

    public Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await Aws.DisposeAsync();
    }

    /// <summary>Renders the popover, dialog and snackbar providers, as MainLayout does.</summary>
    protected IRenderedComponent<MudDialogProvider> RenderProviders()
    {
        Render<MudPopoverProvider>();
        Snackbars = Render<MudSnackbarProvider>();
        return Render<MudDialogProvider>();
    }

    /// <summary>Where snackbar messages appear (after <see cref="RenderProviders"/>).</summary>
    protected IRenderedComponent<MudSnackbarProvider> Snackbars { get; private set; } = null!;

    /// <summary>Opens a dialog through IDialogService, as the pages do.</summary>
    protected async Task<IDialogReference> ShowDialogAsync<TDialog>(IRenderedComponent<MudDialogProvider> provider, string title, DialogParameters<TDialog> parameters)
        where TDialog : ComponentBase
    {
        IDialogReference? reference = null;
        await provider.InvokeAsync(async () => reference = await Services.GetRequiredService<IDialogService>().ShowAsync<TDialog>(title, parameters));
        return reference!;
    }
}
