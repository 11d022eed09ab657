namespace MailFromConsole.Benchmarks.Console10k;

/// <summary>A tab renderer's main-thread time by kind (see <see cref="RendererTimer"/>): where a page change's browser CPU goes.</summary>
internal readonly record struct RendererTime(TimeSpan Script, TimeSpan Style, TimeSpan Layout, TimeSpan Tasks)
{
    public static RendererTime operator -(RendererTime after, RendererTime before) =>
        new(after.Script - before.Script, after.Style - before.Style, after.Layout - before.Layout, after.Tasks - before.Tasks);

    public static RendererTime operator +(RendererTime a, RendererTime b) =>
        new(a.Script + b.Script, a.Style + b.Style, a.Layout + b.Layout, a.Tasks + b.Tasks);

    public RendererTime Per(int count) => new(Script / count, Style / count, Layout / count, Tasks / count);

    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"script {Script.TotalMilliseconds:F0} ms, style {Style.TotalMilliseconds:F0} ms, layout {Layout.TotalMilliseconds:F0} ms, all tasks {Tasks.TotalMilliseconds:F0} ms");
}
