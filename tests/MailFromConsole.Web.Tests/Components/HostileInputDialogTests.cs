using Bunit;
using MailFromConsole.Testing;
using MailFromConsole.Web.Components.Pages.MailFrom;
using MudBlazor;

namespace MailFromConsole.Web.Tests.Components;

/// <summary>Every row of the shared hostile-input table typed into the Set MAIL FROM Domain dialog.</summary>
public sealed class HostileInputDialogTests : ConsoleTestContext
{
    [Fact]
    public async Task EveryHostileValueGetsAClearVerdictInTheDialog()
    {
        Aws.Ses.Add(Region, HostileInputs.Identity);
        var provider = RenderProviders();
        await ShowDialogAsync(provider, "Set MAIL FROM Domain", new DialogParameters<SetMailFromDialog>
        {
            { d => d.Region, Region },
            { d => d.Identity, HostileInputs.Identity },
        });

        foreach (var row in HostileInputs.MailFromDomains.Where(r => !string.IsNullOrWhiteSpace(r.Value)))
        {
            provider.Find("[data-testid=set-mailfrom-dialog] input[type=text]").Input(row.Value!);

            // MudTextField applies the value asynchronously: wait for this row's verdict.
            provider.WaitForAssertion(() =>
            {
                var setDisabled = provider.Find("button[data-testid=dialog-set]").HasAttribute("disabled");
                if (row.IsValid)
                {
                    Assert.False(setDisabled, row.Key);
                    Assert.Equal($"Will be set as {row.ExpectedNormalized}", provider.Find("[data-testid=mailfrom-normalized]").TextContent.Trim());
                }
                else
                {
                    Assert.True(setDisabled, row.Key);
                    Assert.Empty(provider.FindAll("[data-testid=mailfrom-normalized]"));
                    Assert.False(string.IsNullOrWhiteSpace(provider.Find(".mud-input-helper-text").TextContent), row.Key);
                }
            });
        }
    }
}
