using MudBlazor;

namespace MailFromConsole.Web.Components.Layout;

/// <summary>
/// The AWS console's look: squid-ink header, orange primary action, blue links, grey page, Title Case labels as
/// written (MudBlazor would upper-case every button).
/// </summary>
public static class ConsoleTheme
{
    private const string Font = "\"Amazon Ember\", \"Helvetica Neue\", Roboto, Arial, sans-serif";

    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            // AWS's own #ec7211, #1d8102 and #d13212 fail WCAG's 4.5:1 as text (chips, white on buttons): darker shades of them.
            Primary = "#c45500",
            PrimaryContrastText = "#ffffff",
            Secondary = "#0073bb",
            Info = "#0073bb",
            Success = "#176b00",
            Warning = "#8a5b00",
            Error = "#b62d0f",
            AppbarBackground = "#232f3e",
            AppbarText = "#ffffff",
            Background = "#f2f3f3",
            DrawerBackground = "#ffffff",
            DrawerText = "#16191f",
            TextPrimary = "#16191f",
            TextSecondary = "#545b64",
            ActionDefault = "#545b64",
            LinesDefault = "#d5dbdb",
            TableLines = "#eaeded",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = [Font] },
            Button = new ButtonTypography { TextTransform = "none", FontWeight = "700", FontFamily = [Font] },
            H4 = new H4Typography { FontSize = "1.75rem", FontWeight = "700", FontFamily = [Font] },
            H5 = new H5Typography { FontSize = "1.5rem", FontWeight = "700", FontFamily = [Font] },
            H6 = new H6Typography { FontSize = "1.125rem", FontWeight = "700", FontFamily = [Font] },
            Overline = new OverlineTypography { TextTransform = "none", FontFamily = [Font] },
        },
        LayoutProperties = new LayoutProperties
        {
            DefaultBorderRadius = "2px",
            DrawerWidthLeft = "240px",
        },
    };
}
