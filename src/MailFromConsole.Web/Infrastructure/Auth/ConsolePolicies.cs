using Microsoft.AspNetCore.Authorization;

namespace MailFromConsole.Web.Infrastructure.Auth;

/// <summary>Authorization policy names for <c>[Authorize(Policy = ...)]</c> and <c>RequireAuthorization(...)</c>.</summary>
public static class ConsolePolicies
{
    public const string Viewer = "Console.Viewer";
    public const string Operator = "Console.Operator";
    public const string Admin = "Console.Admin";

    public static string For(ConsoleRole minimum) => minimum switch
    {
        ConsoleRole.Viewer => Viewer,
        ConsoleRole.Operator => Operator,
        ConsoleRole.Admin => Admin,
        _ => throw new ArgumentOutOfRangeException(nameof(minimum), minimum, "Unknown console role."),
    };

    internal static void Register(AuthorizationOptions options)
    {
        foreach (var role in Enum.GetValues<ConsoleRole>())
        {
            options.AddPolicy(For(role), policy => policy.RequireAuthenticatedUser().AddRequirements(new MinimumRoleRequirement(role)));
        }
        // Secure by default: any endpoint that does not say otherwise needs a signed-in user with a console role.
        options.FallbackPolicy = options.GetPolicy(Viewer);
    }
}
