using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc;

namespace MailFromConsole.LocalAws.Local;

internal static class ApiRefusals
{
    /// <summary>
    /// A refused call of a local JSON API answers 401/403 as is: no sign-in redirect, and no host status-code page
    /// (the console's would turn the 401 into a redirect to its sign-in).
    /// </summary>
    public static TBuilder AsApi<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.DisableCookieRedirect().WithMetadata(new SkipStatusCodePagesAttribute());
}
