using Microsoft.AspNetCore.Authorization;

namespace MailFromConsole.Web.Infrastructure.Auth;

/// <summary>Met when the user's console role is at least <see cref="Minimum"/>.</summary>
public sealed class MinimumRoleRequirement(ConsoleRole minimum) : AuthorizationHandler<MinimumRoleRequirement>, IAuthorizationRequirement
{
    public ConsoleRole Minimum { get; } = minimum;

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, MinimumRoleRequirement requirement)
    {
        if (ConsoleRoles.Of(context.User) is { } held && held.Allows(requirement.Minimum))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}
