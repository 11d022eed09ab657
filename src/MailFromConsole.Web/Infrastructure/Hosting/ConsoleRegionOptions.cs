namespace MailFromConsole.Web.Infrastructure.Hosting;

/// <summary>The "Aws" section as the console reads it: which regions the selector offers.</summary>
public sealed class ConsoleRegionOptions
{
    public List<string> Regions { get; set; } = [];
    public string DefaultRegion { get; set; } = "us-east-1";

    public IReadOnlyList<string> EffectiveRegions => Regions.Count > 0 ? Regions : [DefaultRegion];
}
