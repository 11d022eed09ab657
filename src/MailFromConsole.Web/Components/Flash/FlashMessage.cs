using MudBlazor;

namespace MailFromConsole.Web.Components.Flash;

/// <param name="Details">Longer text (e.g. AWS's own message) shown only when expanded.</param>
public sealed record FlashMessage(Severity Severity, string Text, string? Details);
