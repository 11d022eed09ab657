using System.Security.Claims;
using MailFromConsole.Web.Features.Audit;
using MailFromConsole.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace MailFromConsole.Web.Features.Account;

/// <summary>Sign-in, sign-out and first-run setup as plain form posts (cookies cannot be set from inside a circuit).</summary>
internal static class AccountEndpoints
{
    internal const string SignInRateLimitPolicy = "console-sign-in";
    internal const string SetupRateLimitPolicy = "console-setup";

    /// <summary>Stands in the audit log for a name that was refused unread.</summary>
    internal const string MalformedUserName = "(malformed user name)";

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints, bool oidc)
    {
        endpoints.MapGet(AccountPaths.Login, ShowLogin).AllowAnonymous();
        endpoints.MapPost(AccountPaths.Login, SignInAsync).AllowAnonymous().RequireRateLimiting(SignInRateLimitPolicy);
        endpoints.MapGet(AccountPaths.Logout, ConfirmSignOut).AllowAnonymous();
        endpoints.MapPost(AccountPaths.Logout, SignOutAsync).AllowAnonymous();
        endpoints.MapGet(AccountPaths.Denied, Denied).AllowAnonymous();
        endpoints.MapGet(AccountPaths.Setup, ShowSetup).AllowAnonymous();
        endpoints.MapPost(AccountPaths.Setup, CompleteSetupAsync).AllowAnonymous().RequireRateLimiting(SetupRateLimitPolicy);
        if (oidc)
        {
            endpoints.MapGet(AccountPaths.OidcLogin, (string? returnUrl) => Results.Challenge(
                new AuthenticationProperties { RedirectUri = AccountPaths.SafeReturnUrl(returnUrl) },
                [OpenIdConnectDefaults.AuthenticationScheme])).AllowAnonymous();
        }
        return endpoints;
    }

    private static IResult ShowLogin(
        HttpContext context, string? returnUrl, bool? signedOut, IAntiforgery antiforgery, FirstRunSetup setup, IOptions<ConsoleAuthOptions> options)
    {
        if (context.User.Identity?.IsAuthenticated == true && ConsoleRoles.Of(context.User) is not null)
        {
            return Results.LocalRedirect(AccountPaths.SafeReturnUrl(returnUrl));
        }
        return LoginPage(context, antiforgery, setup, options.Value, returnUrl, userName: null,
            error: null, notice: signedOut == true ? "You are signed out." : null, StatusCodes.Status200OK);
    }

    private static async Task<IResult> SignInAsync(
        HttpContext context,
        [FromForm] string? userName,
        [FromForm] string? password,
        [FromForm] string? returnUrl,
        UserDirectory directory,
        SignInBackoff backoff,
        FirstRunSetup setup,
        IAntiforgery antiforgery,
        IAuditLog audit,
        TimeProvider time,
        IOptions<ConsoleAuthOptions> options,
        ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(AccountEndpoints));
        var name = (userName ?? "").Trim();
        var address = context.Connection.RemoteIpAddress?.ToString();
        // Checked before anything is logged or audited, so control characters and huge input never reach either.
        if (UserNames.ProblemWith(name) is { } problem)
        {
            logger.LogWarning("Sign-in with a malformed user name ({Length} characters) from {Address}", name.Length, address);
            await audit.RecordAsync(SignInEvent(time, MalformedUserName, AuditActions.SignInFailed, "MalformedUserName", address), context.RequestAborted);
            return LoginPage(context, antiforgery, setup, options.Value, returnUrl, userName: null,
                $"That is not a valid user name. {problem}", null, StatusCodes.Status400BadRequest);
        }
        var wait = backoff.WaitBeforeAttempt(address, name);
        if (wait > TimeSpan.Zero)
        {
            logger.LogWarning("Sign-in for {UserName} from {Address} is slowed down after wrong passwords", name, address);
            return LoginPage(context, antiforgery, setup, options.Value, returnUrl, name,
                $"Too many wrong passwords for this name. Wait {Seconds(wait)}, then try again.",
                null, StatusCodes.Status429TooManyRequests);
        }

        var user = await directory.VerifyPasswordAsync(name, password ?? "", context.RequestAborted);
        if (user is null)
        {
            backoff.RecordFailure(address, name);
            logger.LogWarning("Failed sign-in for {UserName} from {Address}", name, address);
            await audit.RecordAsync(SignInEvent(time, name, AuditActions.SignInFailed, "WrongNameOrPassword", address), context.RequestAborted);
            return LoginPage(context, antiforgery, setup, options.Value, returnUrl, name,
                "The user name or password is not correct.", null, StatusCodes.Status401Unauthorized);
        }

        backoff.RecordSuccess(address, name);
        await SignInCookieAsync(context, directory, user);
        await audit.RecordAsync(SignInEvent(time, user.Name, AuditActions.SignIn, AuditResults.Success, address), context.RequestAborted);
        logger.LogInformation("{UserName} signed in as {Role}", user.Name, user.Role);
        return Results.LocalRedirect(AccountPaths.SafeReturnUrl(returnUrl));
    }

    private static IResult ConfirmSignOut(HttpContext context, IAntiforgery antiforgery)
    {
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return Results.LocalRedirect(AccountPaths.Login);
        }
        var tokens = antiforgery.GetAndStoreTokens(context);
        return Page<MessagePage>(StatusCodes.Status200OK, new()
        {
            [nameof(MessagePage.Title)] = "Sign out",
            [nameof(MessagePage.Message)] = $"You are signed in as {context.User.Identity.Name}.",
            [nameof(MessagePage.SignOutForm)] = new AntiforgeryField(tokens.FormFieldName, tokens.RequestToken ?? ""),
            [nameof(MessagePage.LinkText)] = "Back to the console",
        });
    }

    private static async Task<IResult> SignOutAsync(
        HttpContext context, IAntiforgery antiforgery, SignedOutSessions signedOut, UserChanges userChanges, IAuditLog audit, TimeProvider time, IOptions<ConsoleAuthOptions> options)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Page<MessagePage>(StatusCodes.Status400BadRequest, new()
            {
                [nameof(MessagePage.Title)] = "Sign out",
                [nameof(MessagePage.Message)] = "The sign-out form has expired. Open the sign-out page again.",
                [nameof(MessagePage.IsError)] = true,
                [nameof(MessagePage.LinkText)] = "Sign out",
                [nameof(MessagePage.LinkHref)] = AccountPaths.Logout,
            });
        }
        if (context.User.Identity?.IsAuthenticated == true)
        {
            // Ends this sign-in everywhere: the cookie, copies of it, and other tabs' circuits at once.
            await signedOut.EndAsync(context.User.FindFirst(ConsoleClaims.SessionId)?.Value, options.Value.SessionLifetime, context.RequestAborted);
            await userChanges.PublishAsync(context.User.Identity.Name ?? "", context.RequestAborted);
            await audit.RecordAsync(SignInEvent(time, context.User.Identity.Name ?? "", AuditActions.SignOut, AuditResults.Success,
                context.Connection.RemoteIpAddress?.ToString()), context.RequestAborted);
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
        return Results.LocalRedirect($"{AccountPaths.Login}?signedOut=true");
    }

    private static IResult Denied(HttpContext context)
    {
        var user = context.User;
        var message = user.Identity?.IsAuthenticated == true
            ? $"{user.Identity.Name} has the {ConsoleRoles.Of(user)?.ToString() ?? "no"} role, which does not allow this page or action."
            : "Sign in to use the console.";
        return Page<MessagePage>(StatusCodes.Status403Forbidden, new()
        {
            [nameof(MessagePage.Title)] = "Not allowed",
            [nameof(MessagePage.Message)] = message,
            [nameof(MessagePage.IsError)] = true,
            [nameof(MessagePage.LinkText)] = "Back to the console",
        });
    }

    private static IResult ShowSetup(HttpContext context, string? token, FirstRunSetup setup, IAntiforgery antiforgery)
    {
        if (!setup.IsPending)
        {
            return Results.LocalRedirect(AccountPaths.Login);
        }
        if (!setup.Accepts(token))
        {
            return InvalidSetupLink();
        }
        return SetupPage(context, antiforgery, token!, "admin", null, StatusCodes.Status200OK);
    }

    private static async Task<IResult> CompleteSetupAsync(
        HttpContext context,
        [FromForm] string? token,
        [FromForm] string? userName,
        [FromForm] string? password,
        [FromForm] string? confirmPassword,
        FirstRunSetup setup,
        UserDirectory directory,
        IAntiforgery antiforgery,
        IAuditLog audit,
        TimeProvider time,
        ILoggerFactory loggers)
    {
        if (!setup.IsPending || !setup.Accepts(token))
        {
            return InvalidSetupLink();
        }
        var name = (userName ?? "").Trim();
        var problem = UserNames.ProblemWith(name)
            ?? ConsolePasswordHasher.ProblemWith(password)
            ?? (password != confirmPassword ? "The two passwords are not the same." : null);
        if (problem is not null)
        {
            return SetupPage(context, antiforgery, token!, name, problem, StatusCodes.Status400BadRequest);
        }

        var created = await directory.Store.AddFirstAdminAsync(name, ConsolePasswordHasher.Hash(password!), context.RequestAborted);
        setup.Complete();
        if (!created)
        {
            return InvalidSetupLink();
        }
        var admin = new ConsoleUser(name, ConsoleRole.Admin, UserSource.Local);
        await SignInCookieAsync(context, directory, admin);
        await audit.RecordAsync(new AuditEntry
        {
            At = time.GetUtcNow(),
            User = name,
            Identity = name,
            Action = AuditActions.CreateFirstAdmin,
            After = nameof(ConsoleRole.Admin),
            Result = AuditResults.Success,
            Detail = $"from {context.Connection.RemoteIpAddress}",
        }, context.RequestAborted);
        loggers.CreateLogger(typeof(AccountEndpoints)).LogInformation("First administrator {UserName} created; the setup link no longer works", name);
        return Results.LocalRedirect("/");
    }

    private static string Seconds(TimeSpan wait) => Math.Ceiling(wait.TotalSeconds) is var seconds && seconds == 1 ? "1 second" : $"{seconds:0} seconds";

    /// <summary>A browser-session cookie (gone when the browser closes) that slides within <see cref="ConsoleAuthOptions.SessionLifetime"/>.</summary>
    private static async Task SignInCookieAsync(HttpContext context, UserDirectory directory, ConsoleUser user)
    {
        var stamp = user.Source == UserSource.Local ? (await directory.Store.FindAsync(user.Name, context.RequestAborted))?.SecurityStamp : null;
        await context.SignInAsync(
            CookieAuthenticationDefaults.AuthenticationScheme,
            ConsoleClaims.Principal(user, CookieAuthenticationDefaults.AuthenticationScheme, stamp),
            new AuthenticationProperties { IsPersistent = false, AllowRefresh = true });
    }

    private static AuditEntry SignInEvent(TimeProvider time, string user, string action, string result, string? address) => new()
    {
        At = time.GetUtcNow(),
        User = user,
        Identity = user,
        Action = action,
        Result = result,
        Detail = address is null ? null : $"from {address}",
    };

    private static IResult LoginPage(
        HttpContext context, IAntiforgery antiforgery, FirstRunSetup setup, ConsoleAuthOptions options,
        string? returnUrl, string? userName, string? error, string? notice, int status)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        return Page<LoginPage>(status, new()
        {
            [nameof(Features.Account.LoginPage.AntiforgeryFieldName)] = tokens.FormFieldName,
            [nameof(Features.Account.LoginPage.AntiforgeryToken)] = tokens.RequestToken ?? "",
            [nameof(Features.Account.LoginPage.ReturnUrl)] = AccountPaths.SafeReturnUrl(returnUrl),
            [nameof(Features.Account.LoginPage.UserName)] = userName,
            [nameof(Features.Account.LoginPage.Error)] = error,
            [nameof(Features.Account.LoginPage.Notice)] = notice,
            [nameof(Features.Account.LoginPage.SetupPending)] = setup.IsPending,
            [nameof(Features.Account.LoginPage.OidcDisplayName)] = options.Oidc.IsConfigured ? options.Oidc.DisplayName : null,
        });
    }

    private static IResult SetupPage(HttpContext context, IAntiforgery antiforgery, string token, string? userName, string? error, int status)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        return Page<SetupPage>(status, new()
        {
            [nameof(Features.Account.SetupPage.AntiforgeryFieldName)] = tokens.FormFieldName,
            [nameof(Features.Account.SetupPage.AntiforgeryToken)] = tokens.RequestToken ?? "",
            [nameof(Features.Account.SetupPage.Token)] = token,
            [nameof(Features.Account.SetupPage.UserName)] = userName,
            [nameof(Features.Account.SetupPage.Error)] = error,
        });
    }

    private static IResult InvalidSetupLink() => Page<MessagePage>(StatusCodes.Status404NotFound, new()
    {
        [nameof(MessagePage.Title)] = "Setup link not valid",
        [nameof(MessagePage.Message)] =
            "This setup link is not valid: it may have been used already, or the console was restarted and printed a new one. " +
            "Use the newest link in the console's output, or sign in.",
        [nameof(MessagePage.IsError)] = true,
        [nameof(MessagePage.LinkText)] = "Sign in",
        [nameof(MessagePage.LinkHref)] = AccountPaths.Login,
    });

    private static RazorComponentResult<TPage> Page<TPage>(int status, Dictionary<string, object?> parameters)
        where TPage : Microsoft.AspNetCore.Components.IComponent =>
        new(parameters) { StatusCode = status };
}
