using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using MailFromConsole.Core.Ses;
using MailFromConsole.LocalAws.Faults;
using MailFromConsole.LocalAws.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MailFromConsole.LocalAws.Local;

/// <summary>
/// The local-only pages under <c>/_local/</c>: the mailbox (verification mails and sent messages), the verification
/// link, and the fault-injection API for tests. The console serves them behind its sign-in (see
/// <see cref="LocalAwsServer.MapLocalPages"/>); the local AWS's own port serves only the verification link, unless
/// <see cref="LocalAwsOptions.PagesOnOwnPort"/>.
/// </summary>
internal sealed class LocalPages(MailboxRepository mailbox, IdentityRepository identities, FaultInjector faults)
{
    public const string Prefix = "/_local/";
    private const string MailboxPath = LocalPageEndpoints.MailboxPath;
    private const string FaultsPath = LocalPageEndpoints.FaultsPath;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The mailbox page and its JSON, in one group so the host can put them behind one policy.</summary>
    public RouteGroupBuilder MapMailbox(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("");
        group.MapGet(MailboxPath, context => HtmlAsync(context, 200, MailboxHtml()));
        group.MapGet(MailboxPath + ".json", context => JsonAsync(context, 200, mailbox.All())).AsApi();
        return group;
    }

    /// <summary>The fault API: a JSON API, so a refused caller gets 401/403, not a sign-in page.</summary>
    public RouteGroupBuilder MapFaults(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(FaultsPath);
        group.MapGet("", context => JsonAsync(context, 200, faults.Rules));
        group.MapPost("", AddFaultAsync);
        group.MapDelete("", ClearFaultsAsync);
        group.AsApi();
        return group;
    }

    /// <summary>The link of a verification mail: the token is the secret, as with SES's own link.</summary>
    public IEndpointConventionBuilder MapVerify(IEndpointRouteBuilder endpoints) => endpoints.MapGet(LocalPageEndpoints.VerifyPath, VerifyAsync);

    /// <summary>Any other path under <c>/_local/</c> on the local AWS's own port.</summary>
    public static Task NotFoundAsync(HttpContext context, bool pagesOnOwnPort) => HtmlAsync(context, 404, pagesOnOwnPort
        ? Page("Not found", "<p>No such local page.</p>")
        : Page("Not found", "<p>No such page here: the local pages (mailbox, outside DNS, faults) are on the console, behind its sign-in.</p>"));

    private Task VerifyAsync(HttpContext context)
    {
        var token = context.Request.Query["token"].ToString();
        var record = token.Length == 0 ? null : identities.FindByToken(IdentityType.EmailAddress, token);
        if (record is null)
        {
            return HtmlAsync(context, 404, Page("Link not valid",
                "<p>This verification link is not valid or has expired. Ask for a new verification email.</p>"));
        }

        identities.ReplaceIf(r => r.VerificationToken == token, record.Scope, record.Identity,
            r => r with { VerificationStatus = VerificationStatus.Success });
        return HtmlAsync(context, 200, Page("Congratulations!",
            $"<p>You have successfully verified <strong>{Encode(record.Identity)}</strong>. You can now start sending email from this address in region {Encode(record.Region)}.</p>"));
    }

    private async Task AddFaultAsync(HttpContext context)
    {
        if (LocalApiGuard.Refusal(context.Request, withBody: true) is { } refusal)
        {
            await JsonAsync(context, 403, new { error = refusal });
            return;
        }
        FaultRule? rule;
        try
        {
            rule = await JsonSerializer.DeserializeAsync<FaultRule>(context.Request.Body, Json, context.RequestAborted);
        }
        catch (JsonException e)
        {
            await JsonAsync(context, 400, new { error = e.Message });
            return;
        }

        if (rule is null)
        {
            await JsonAsync(context, 400, new { error = "A fault rule is required." });
            return;
        }

        faults.Add(rule);
        await JsonAsync(context, 201, faults.Rules);
    }

    private Task ClearFaultsAsync(HttpContext context)
    {
        if (LocalApiGuard.Refusal(context.Request, withBody: false) is { } refusal)
        {
            return JsonAsync(context, 403, new { error = refusal });
        }
        faults.Clear();
        context.Response.StatusCode = 204;
        return Task.CompletedTask;
    }

    private string MailboxHtml()
    {
        var rows = new StringBuilder();
        foreach (var m in mailbox.All())
        {
            var body = Encode(m.Body);
            if (m.VerifyToken is not null)
            {
                var link = "/_local/verify?token=" + Uri.EscapeDataString(m.VerifyToken);
                body += $"<p><a class=\"verify\" href=\"{Encode(link)}\">Verify this email address</a></p>";
            }

            rows.Append(CultureInvariant($"""
                <article class="message {m.Kind.ToString().ToLowerInvariant()}">
                  <h2>{Encode(m.Subject)}</h2>
                  <dl>
                    <dt>From</dt><dd>{Encode(m.Source)}</dd>
                    <dt>To</dt><dd>{Encode(string.Join(", ", m.Recipients))}</dd>
                    <dt>Return-Path</dt><dd class="return-path">{Encode(m.ReturnPath)}</dd>
                    <dt>Region</dt><dd>{Encode(m.Region)}</dd>
                    <dt>Sent</dt><dd>{m.SentAt:u}</dd>
                    <dt>Message ID</dt><dd>{Encode(m.MessageId)}</dd>
                  </dl>
                  <pre>{body}</pre>
                </article>
                """));
        }

        return Page("Local mailbox", rows.Length == 0 ? "<p>No messages yet.</p>" : rows.ToString());
    }

    private static string CultureInvariant(FormattableString text) => FormattableString.Invariant(text);

    private const string Style =
        "body{font-family:sans-serif;max-width:60rem;margin:2rem auto}article{border:1px solid #ccc;padding:1rem;margin:1rem 0}dt{font-weight:bold}pre{white-space:pre-wrap}";

    private static string Page(string title, string content) =>
        $"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>{Encode(title)} – local AWS</title><style>{Style}</style></head>
        <body><h1>{Encode(title)}</h1>{content}</body></html>
        """;

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static async Task HtmlAsync(HttpContext context, int status, string html)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'";
        await context.Response.WriteAsync(html, context.RequestAborted);
    }

    private static async Task JsonAsync<T>(HttpContext context, int status, T value)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(context.Response.Body, value, Json, context.RequestAborted);
    }
}
