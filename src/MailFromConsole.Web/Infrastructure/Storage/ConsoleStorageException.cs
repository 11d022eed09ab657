namespace MailFromConsole.Web.Infrastructure.Storage;

/// <summary>The console's database cannot be used as it is; the message says why and what to do. The console does not start.</summary>
public sealed class ConsoleStorageException(string message) : Exception(message);
