using System.Globalization;
using System.Net;
using MailFromConsole.LocalAws.Dns;
using MailFromConsole.LocalAws.Local;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace MailFromConsole.LocalAws.OutsideDns;

/// <summary>The outside DNS provider's page (<c>/_local/outside-dns</c>) and its JSON API (<c>/_local/outside-dns/api</c>).</summary>
public static class OutsideDnsEndpoints
{
    public const string BasePath = "/_local/outside-dns";

    /// <summary>Registers the store (over the local AWS SQLite file) and antiforgery, which the page's forms use.</summary>
    public static IServiceCollection AddOutsideDns(this IServiceCollection services, string databasePath)
    {
        services.AddSingleton(sp => new OutsideZoneStore(databasePath, sp.GetService<TimeProvider>()));
        services.AddAntiforgery();
        return services;
    }

    /// <summary>Registers an existing store (the one the local DNS server serves) and antiforgery.</summary>
    public static IServiceCollection AddOutsideDns(this IServiceCollection services, OutsideZoneStore store)
    {
        services.AddSingleton(store);
        services.AddAntiforgery();
        return services;
    }

    /// <summary>Maps the page, its forms and the JSON API; returns their group, for the host to add its sign-in policy to.</summary>
    /// <param name="dnsEndpoint">Where the local DNS listens, for the page's hints; by default a <see cref="LocalDnsServer"/> from the services.</param>
    public static RouteGroupBuilder MapOutsideDns(this IEndpointRouteBuilder endpoints, Func<IPEndPoint?>? dnsEndpoint = null)
    {
        var group = endpoints.MapGroup(BasePath).DisableAntiforgery(); // forms are checked explicitly below
        dnsEndpoint ??= () => endpoints.ServiceProvider.GetService<LocalDnsServer>() is { IsRunning: true } dns ? dns.Endpoint : null;

        group.MapGet("", (HttpContext http, OutsideZoneStore store, IAntiforgery antiforgery) => Page(http, store, antiforgery, dnsEndpoint(), null, null, StatusCodes.Status200OK));

        group.MapPost("/zones", (HttpContext http, OutsideZoneStore store, IAntiforgery antiforgery) =>
            FormAsync(http, store, antiforgery, dnsEndpoint(), form => store.AddZone(form["apex"].ToString())));

        group.MapPost("/zones/delete", (HttpContext http, OutsideZoneStore store, IAntiforgery antiforgery) =>
            FormAsync(http, store, antiforgery, dnsEndpoint(), form => store.DeleteZone(form["apex"].ToString())));

        group.MapPost("/records", (HttpContext http, OutsideZoneStore store, IAntiforgery antiforgery) =>
            FormAsync(http, store, antiforgery, dnsEndpoint(), form =>
                store.AddRecord(form["zone"].ToString(), form["name"], form["type"], form["value"], ParseTtl(form["ttl"]))));

        group.MapPost("/records/{id:long}/delete", (long id, HttpContext http, OutsideZoneStore store, IAntiforgery antiforgery) =>
            FormAsync(http, store, antiforgery, dnsEndpoint(), _ => store.DeleteRecord(id)));

        var api = group.MapGroup("/api").AddEndpointFilter(async (context, next) =>
            HttpMethods.IsGet(context.HttpContext.Request.Method)
            || LocalApiGuard.Refusal(context.HttpContext.Request, withBody: HttpMethods.IsPost(context.HttpContext.Request.Method)) is not { } refusal
                ? await next(context)
                : Results.Json(new { error = refusal }, statusCode: StatusCodes.Status403Forbidden))
            .AsApi();
        api.MapGet("/zones", (OutsideZoneStore store) => Results.Ok(store.List()));
        api.MapPost("/zones", (NewZone body, OutsideZoneStore store) => Refusable(() =>
        {
            var apex = store.AddZone(body.Apex ?? string.Empty);
            return Results.Created($"{BasePath}/api/zones/{Uri.EscapeDataString(apex)}", new { apex });
        }));
        api.MapDelete("/zones/{apex}", (string apex, OutsideZoneStore store) =>
            store.DeleteZone(apex) ? Results.NoContent() : Results.NotFound());
        api.MapPost("/records", (NewRecord body, OutsideZoneStore store) => Refusable(() =>
        {
            var record = store.AddRecord(body.Zone ?? string.Empty, body.Name, body.Type, body.Value, body.Ttl);
            return Results.Created($"{BasePath}/api/records/{record.Id.ToString(CultureInfo.InvariantCulture)}", record);
        }));
        api.MapDelete("/records/{id:long}", (long id, OutsideZoneStore store) =>
            store.DeleteRecord(id) ? Results.NoContent() : Results.NotFound());

        return group;
    }

    /// <summary>JSON body of POST /api/zones.</summary>
    public sealed record NewZone(string? Apex);

    /// <summary>JSON body of POST /api/records: name relative ("mail"), absolute or "@"; value as at a DNS provider.</summary>
    public sealed record NewRecord(string? Zone, string? Name, string? Type, string? Value, long? Ttl);

    private static IResult Refusable(Func<IResult> action)
    {
        try
        {
            return action();
        }
        catch (OutsideDnsException ex)
        {
            return Results.BadRequest(new { error = ex.Message });
        }
    }

    private static async Task<IResult> FormAsync(HttpContext http, OutsideZoneStore store, IAntiforgery antiforgery, IPEndPoint? dns, Action<IFormCollection> edit)
    {
        if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http))
        {
            return Results.Text("This form has expired or did not come from the outside DNS page; reload the page and try again.", "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var kept = new OutsideDnsPage.FormValues(form["zone"], form["name"], form["type"], form["ttl"], form["value"]);
        try
        {
            edit(form);
        }
        catch (OutsideDnsException ex)
        {
            // Show the page again with the reason and what the user typed, as a provider's form would.
            return Page(http, store, antiforgery, dns, ex.Message, kept, StatusCodes.Status400BadRequest);
        }

        return new SeeOtherResult(BasePath);
    }

    private static IResult Page(HttpContext http, OutsideZoneStore store, IAntiforgery antiforgery, IPEndPoint? dns, string? error, OutsideDnsPage.FormValues? form, int status)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        var html = OutsideDnsPage.Render(store.List(), tokens.FormFieldName, tokens.RequestToken ?? string.Empty, error, form, dns);
        return Results.Content(html, "text/html; charset=utf-8", null, status);
    }

    private static long? ParseTtl(string? ttl)
    {
        if (string.IsNullOrWhiteSpace(ttl))
        {
            return null;
        }

        return long.TryParse(ttl.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new OutsideDnsException($"TTL '{ttl}' is not a whole number of seconds.");
    }

    /// <summary>303 after a form post, so a reload of the page does not post again.</summary>
    private sealed class SeeOtherResult(string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
            httpContext.Response.Headers.Location = location;
            return Task.CompletedTask;
        }
    }
}
