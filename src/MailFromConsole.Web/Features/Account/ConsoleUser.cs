using MailFromConsole.Web.Infrastructure.Auth;

namespace MailFromConsole.Web.Features.Account;

/// <summary>A console user as the directory knows it.</summary>
public sealed record ConsoleUser(string Name, ConsoleRole Role, UserSource Source);
