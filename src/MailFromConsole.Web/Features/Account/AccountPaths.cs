namespace MailFromConsole.Web.Features.Account;

public static class AccountPaths
{
    public const string Login = "/account/login";
    public const string OidcLogin = "/account/login/oidc";
    public const string Logout = "/account/logout";
    public const string Denied = "/account/denied";
    public const string Setup = "/setup";

    /// <summary>A local path to return to after sign-in; anything else (other sites, <c>//host</c>, <c>/\host</c>) becomes <c>/</c>.</summary>
    public static string SafeReturnUrl(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.Length > 2048 || url[0] != '/')
        {
            return "/";
        }
        if (url.Length > 1 && (url[1] == '/' || url[1] == '\\'))
        {
            return "/";
        }
        if (url.Any(c => char.IsControl(c) || c == '\\'))
        {
            return "/";
        }
        return url.StartsWith("/account/", StringComparison.OrdinalIgnoreCase) || IsPath(url, Setup) ? "/" : url;
    }

    // By path segment: "/setup" and "/setup?token=…" are the first-run page, "/setup-assistant" is not.
    private static bool IsPath(string url, string path) =>
        url.StartsWith(path, StringComparison.OrdinalIgnoreCase) && (url.Length == path.Length || url[path.Length] is '/' or '?' or '#');
}
