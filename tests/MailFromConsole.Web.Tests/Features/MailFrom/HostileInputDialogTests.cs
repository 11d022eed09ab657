using Bunit;
using MailFromConsole.Testing;
using MailFromConsole.Web.Features.MailFrom;
using MudBlazor;

namespace MailFromConsole.Web.Tests.Features.MailFrom;

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

        // bUnit reads the rendered markup with AngleSharp, whose parser takes U+FFFF as its end-of-file marker: a row
        // holding it would cut the markup short in the test only (a browser shows it), so it is left to the service tests.
        foreach (var row in HostileInputs.MailFromDomains.Where(r => !string.IsNullOrWhiteSpace(r.Value) && !r.Value.Contains('\uFFFF')))
        {
            provider.Find("[data-testid=set-mailfrom-dialog] input[type=text]").Input(row.Value!);

            // MudTextField applies the value asynchronously: wait for this row's verdict.
            provider.WaitForAssertion(() =>
            {
                var set = provider.FindAll("button[data-testid=dialog-set]");
                Assert.True(set.Count == 1, $"{row.Key}: the dialog's Set button is gone");
                var setDisabled = set[0].HasAttribute("disabled");
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
