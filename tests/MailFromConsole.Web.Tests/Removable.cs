using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace MailFromConsole.Web.Tests;

/// <summary>Shows its content while <see cref="Shown"/>: a test removes a component as its page would (an @if turning false).</summary>
public sealed class Removable : ComponentBase
{
    [Parameter] public bool Shown { get; set; } = true;

    [Parameter, EditorRequired] public required RenderFragment ChildContent { get; set; }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        if (Shown) builder.AddContent(0, ChildContent);
    }
}
