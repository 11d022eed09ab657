using System.Threading.RateLimiting;
using MailFromConsole.Web.Features.Account;
using MailFromConsole.Web.Infrastructure.Cluster;
using MailFromConsole.Web.Infrastructure.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MailFromConsole.Web.Infrastructure.Auth;

public static class ConsoleAuthExtensions
{
    /// <summary>
    /// Cookie sign-in (users from <c>Auth:Users</c> and the console's own store), optional OpenID Connect, role
    /// policies with a secure fallback (every endpoint needs a signed-in user unless it allows anonymous), the role
    /// guard, first-run setup, sign-in rate limits and antiforgery cookie settings.
    /// Needs <c>AddRazorComponents()</c> and the audit log (<c>AddAuditLog</c>: sign-ins and user changes are audited) too.
    /// </summary>
    public static IServiceCollection AddConsoleAuth(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(ConsoleAuthOptions.Section);
        services.Configure<ConsoleAuthOptions>(section);
        var options = section.Get<ConsoleAuthOptions>() ?? new ConsoleAuthOptions();

        services.TryAddSingleton(TimeProvider.System);
        services.AddConsoleStorage(configuration);
        services.AddSingleton<LocalUserStore>();
        services.AddSingleton<UserDirectory>();
        services.AddSingleton<FirstRunSetup>();
        services.AddSingleton<SignedOutSessions>();
        services.AddConsoleCluster(configuration);
        services.AddSingleton<UserChanges>();
        services.AddSingleton<SignInBackoff>();
        services.AddScoped<SignInValidator>();
        services.AddScoped<IUserAdministration, UserAdministration>();
        services.AddHostedService<FirstRunAnnouncer>();

        // The keys that protect cookies live in the console's database: cookies outlive a restart, and a cookie
        // from one instance works on every other instance on the same database.
        services.AddDataProtection()
            .PersistKeysToDbContext<ConsoleDbContext>()
            .SetApplicationName("MailFromConsole");

        var authentication = services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(cookie =>
            {
                cookie.Cookie.Name = "MailFromConsole.Auth";
                cookie.Cookie.HttpOnly = true;
                // Strict keeps the cookie off every cross-site request; an identity provider's redirect back is
                // cross-site, so with OpenID Connect the cookie must be Lax or the first page after sign-in is anonymous.
                cookie.Cookie.SameSite = options.Oidc.IsConfigured ? SameSiteMode.Lax : SameSiteMode.Strict;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.LoginPath = AccountPaths.Login;
                cookie.LogoutPath = AccountPaths.Logout;
                cookie.AccessDeniedPath = AccountPaths.Denied;
                cookie.ExpireTimeSpan = options.SessionLifetime;
                cookie.SlidingExpiration = true;
                cookie.Events.OnValidatePrincipal = async context =>
                {
                    var validator = context.HttpContext.RequestServices.GetRequiredService<SignInValidator>();
                    if (context.Principal is null || !await validator.IsStillValidAsync(context.Principal, context.HttpContext.RequestAborted))
                    {
                        context.RejectPrincipal();
                        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                    }
                };
            });
        if (options.Oidc.IsConfigured)
        {
            authentication.AddOpenIdConnect(OpenIdConnectDefaults.AuthenticationScheme, oidc =>
            {
                oidc.Authority = options.Oidc.Authority;
                oidc.ClientId = options.Oidc.ClientId;
                oidc.ClientSecret = options.Oidc.ClientSecret;
                oidc.ResponseType = "code";
                oidc.UsePkce = true;
                oidc.SaveTokens = false;
                oidc.MapInboundClaims = false;
                oidc.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                oidc.Scope.Add("email");
                oidc.Events.OnTokenValidated = context =>
                {
                    var user = context.Principal is null ? null : OidcRoleMapping.Map(context.Principal, options.Oidc);
                    if (user is null)
                    {
                        context.Fail("The identity provider's token names no console role (Viewer, Operator or Admin).");
                        return Task.CompletedTask;
                    }
                    context.Principal = ConsoleClaims.Principal(user, OpenIdConnectDefaults.AuthenticationScheme);
                    return Task.CompletedTask;
                };
            });
        }

        services.AddAuthorization(ConsolePolicies.Register);
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, ConsoleAuthenticationStateProvider>();
        services.TryAddScoped<IHostEnvironmentAuthenticationStateProvider>(
            provider => (IHostEnvironmentAuthenticationStateProvider)provider.GetRequiredService<AuthenticationStateProvider>());
        services.AddScoped<CurrentUser>();
        services.AddScoped<ICurrentUser>(provider => provider.GetRequiredService<CurrentUser>());
        services.AddScoped<IRoleGuard>(provider => provider.GetRequiredService<CurrentUser>());

        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "MailFromConsole.Antiforgery";
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(AccountEndpoints.SignInRateLimitPolicy, context => PerAddress(context, options.LoginAttemptsPerMinutePerAddress));
            limiter.AddPolicy(AccountEndpoints.SetupRateLimitPolicy, context => PerAddress(context, options.SetupAttemptsPerMinutePerAddress));
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, cancellationToken) => new ValueTask(context.HttpContext.Response.WriteAsync(
                context.HttpContext.Request.Path.StartsWithSegments(AccountPaths.Setup)
                    ? "Too many setup attempts from your address. Wait a minute, then try again."
                    : "Too many sign-in attempts from your address. Wait a minute, then try again.",
                cancellationToken));
        });
        return services;
    }

    private static RateLimitPartition<string> PerAddress(HttpContext context, int perMinute) => RateLimitPartition.GetFixedWindowLimiter(
        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
        _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, perMinute), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });

    /// <summary>
    /// Security headers, authentication, authorization, rate limiting and antiforgery, in that order, then the
    /// sign-in/sign-out/setup endpoints. Call it after <c>UseExceptionHandler</c>,
    /// <c>UseStatusCodePages…</c> and <c>UseHttpsRedirection</c>, in place of <c>UseAntiforgery()</c>, before mapping
    /// the Razor components and static assets.
    /// </summary>
    public static WebApplication UseConsoleAuth(this WebApplication app)
    {
        app.UseConsoleSecurityHeaders();
        app.UseAuthentication();
        // Gives request-scoped services (minimal APIs, static rendering) the same user the role guard reads in a circuit.
        app.Use((context, next) =>
        {
            context.RequestServices.GetService<IHostEnvironmentAuthenticationStateProvider>()?
                .SetAuthenticationState(Task.FromResult(new AuthenticationState(context.User)));
            return next(context);
        });
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();

        var oidc = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ConsoleAuthOptions>>().Value.Oidc.IsConfigured;
        app.MapAccountEndpoints(oidc);
        return app;
    }
}
