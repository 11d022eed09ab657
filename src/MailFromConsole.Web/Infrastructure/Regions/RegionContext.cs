using MailFromConsole.Web.Infrastructure.Hosting;
using Microsoft.Extensions.Options;

namespace MailFromConsole.Web.Infrastructure.Regions;

/// <summary>The region this browser tab looks at (one per circuit). Pages keep their selection when it changes.</summary>
public sealed class RegionContext(IOptions<ConsoleRegionOptions> options)
{
    public IReadOnlyList<string> Regions { get; } = options.Value.EffectiveRegions;

    public string Current { get; private set; } = options.Value.EffectiveRegions.Contains(options.Value.DefaultRegion)
        ? options.Value.DefaultRegion
        : options.Value.EffectiveRegions[0];

    public event Action? Changed;

    public void Select(string region)
    {
        if (region == Current || !Regions.Contains(region)) return;
        Current = region;
        Changed?.Invoke();
    }
}
