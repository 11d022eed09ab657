using System.Security.Claims;
using MailFromConsole.Web.Features.Account;
using MailFromConsole.Web.Infrastructure.Auth;
namespace MailFromConsole.Web.Tests.Infrastructure.Auth;

public sealed class OidcRoleMappingTests
{
    private static ClaimsPrincipal Token(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), "oidc"));

    [Fact]
    public void HighestMappedRoleWins()
    {
        var options = new OidcOptions { RoleMap = new(StringComparer.OrdinalIgnoreCase) { ["mail-admins"] = "Admin" } };

        var user = OidcRoleMapping.Map(Token(("preferred_username", "ann@corp.example"), ("roles", "Viewer"), ("roles", "mail-admins")), options);

        Assert.Equal(new ConsoleUser("ann@corp.example", ConsoleRole.Admin, UserSource.OpenIdConnect), user);
    }

    [Fact]
    public void TokenWithoutRoleGetsTheDefaultRole()
    {
        var user = OidcRoleMapping.Map(Token(("email", "bob@corp.example")), new OidcOptions());

        Assert.Equal(ConsoleRole.Viewer, user?.Role);
    }

    [Fact]
    public void TokenWithoutRoleIsRefusedWhenThereIsNoDefault()
    {
        Assert.Null(OidcRoleMapping.Map(Token(("email", "bob@corp.example"), ("roles", "Superuser")), new OidcOptions { DefaultRole = "" }));
    }
}
