using System.Text.Json;
using Microsoft.Playwright;

namespace MailFromConsole.EndToEnd;

/// <summary>
/// axe-core, the accessibility engine (npm package, installed by tests/install-deps.sh into tests/.axe), injected into
/// every document of a browser context and run on demand.
/// </summary>
internal static class Axe
{
    private static string ScriptPath()
    {
        var path = Path.Combine(ConsoleApp.RepositoryRoot(), "tests", ".axe", "node_modules", "axe-core", "axe.min.js");
        return File.Exists(path) ? path : throw new InvalidOperationException($"axe-core is missing at {path}: run tests/install-deps.sh (tests/run-all.sh does).");
    }

    /// <summary>An init script, so the console's script-src 'self' policy does not apply and every page of the context has axe.</summary>
    public static Task AddToAsync(IBrowserContext context) => context.AddInitScriptAsync(scriptPath: ScriptPath());

    /// <summary>The violations of impact serious or critical on the page as it is now, one line each (rule, help, first elements).</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        var found = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const result = await axe.run(document, { resultTypes: ['violations'] });
              return result.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.impact} ${v.id}: ${v.help} (${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')})`);
            }
            """);
        return found.EnumerateArray().Select(v => v.GetString()!).ToList();
    }
}
