using MailFromConsole.Web.Infrastructure.Auth;

namespace MailFromConsole.Web.Features.Account;

/// <summary>
/// <c>dotnet MailFromConsole.Web.dll hash-password</c>: reads a password from standard input and prints the hash to
/// put in <c>Auth:Users:N:PasswordHash</c>. The password is read from input, not an argument, so it stays out of shell history.
/// </summary>
public static class PasswordHashCommand
{
    public const string Name = "hash-password";

    /// <summary>Runs the command when <paramref name="args"/> asks for it; returns false to let the app start normally.</summary>
    public static bool TryRun(string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        if (args.Length == 0 || !string.Equals(args[0], Name, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        if (!Console.IsInputRedirected && ReferenceEquals(input, Console.In))
        {
            error.Write("Password: ");
        }
        var password = input.ReadLine();
        if (ConsolePasswordHasher.ProblemWith(password) is { } problem)
        {
            error.WriteLine(problem);
            Environment.ExitCode = 2;
            return true;
        }
        output.WriteLine(ConsolePasswordHasher.Hash(password!));
        return true;
    }
}
