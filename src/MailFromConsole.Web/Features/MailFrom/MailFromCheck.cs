using MailFromConsole.Core.MailFrom;

namespace MailFromConsole.Web.Features.MailFrom;

/// <summary>Live check of the dialog's field: errors from the Core rules (block), warnings (inform).</summary>
public sealed record MailFromCheck(MailFromValidation Validation, IReadOnlyList<string> Warnings)
{
    public bool CanSet => Validation.IsValid;
}
