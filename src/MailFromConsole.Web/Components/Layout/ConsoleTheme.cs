using MudBlazor;

namespace MailFromConsole.Web.Components.Layout;

/// <summary>The AWS console palette: squid-ink bar, orange primary actions, link blue.</summary>
public static class ConsoleTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#ec7211",
            Secondary = "#0073bb",
            AppbarBackground = "#232f3e",
            AppbarText = "#ffffff",
            Background = "#f2f3f3",
            DrawerBackground = "#ffffff",
        },
    };
}
