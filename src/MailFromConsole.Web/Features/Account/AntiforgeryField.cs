namespace MailFromConsole.Web.Features.Account;

/// <summary>The hidden field a plain form posts to pass antiforgery validation.</summary>
public sealed record AntiforgeryField(string FieldName, string Token);
