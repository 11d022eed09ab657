using Bunit;
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

    protected ConsoleTestContext() => this.AddTestServices(Aws);

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
