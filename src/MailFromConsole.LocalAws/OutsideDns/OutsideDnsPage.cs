using System.Globalization;
using System.Net;
using System.Text;

namespace MailFromConsole.LocalAws.OutsideDns;

/// <summary>The plain HTML page of the outside DNS provider. Every value written into it is HTML-encoded.</summary>
internal static class OutsideDnsPage
{
    public sealed record FormValues(string? Zone, string? Name, string? Type, string? Ttl, string? Value);

    public static string Render(IReadOnlyList<OutsideZone> zones, string antiforgeryField, string antiforgeryToken, string? error, FormValues? form, IPEndPoint? dns)
    {
        var html = new StringBuilder();
        var hidden = $"<input type=\"hidden\" name=\"{E(antiforgeryField)}\" value=\"{E(antiforgeryToken)}\">";
        html.Append("""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>Outside DNS provider (local)</title>
            <style>
            body { font-family: sans-serif; margin: 2rem; max-width: 70rem; }
            table { border-collapse: collapse; margin-bottom: 1.5rem; }
            th, td { border: 1px solid #ccc; padding: .3rem .6rem; text-align: left; font-family: monospace; }
            .error { color: #b00020; font-weight: bold; }
            form.inline { display: inline; }
            fieldset { margin-bottom: 1.5rem; }
            </style>
            </head>
            <body>
            <h1>Outside DNS provider</h1>
            <p>These zones stand for a DNS provider other than this account's Route 53. Records added here are served by the
            local DNS server at once, so the manual path of the MAIL FROM setup can be tried end to end.</p>
            """);

        if (dns is not null)
        {
            var example = zones.Count > 0 ? zones[0].Apex : "example.net.";
            html.Append("<p id=\"dns-hint\">Served by the local DNS server at ").Append(E(dns.ToString())).Append(". Try: <code>dig @")
                .Append(E(dns.Address.ToString())).Append(" -p ").Append(dns.Port.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(E(example)).Append(" MX</code></p>\n");
        }

        if (error is not null)
        {
            html.Append("<p class=\"error\" role=\"alert\" id=\"error\">").Append(E(error)).Append("</p>\n");
        }

        html.Append("<form method=\"post\" action=\"/_local/outside-dns/zones\"><fieldset><legend>Add a zone</legend>")
            .Append(hidden)
            .Append("<label for=\"zone-apex\">Domain</label> <input id=\"zone-apex\" name=\"apex\" placeholder=\"example.net\" required> ")
            .Append("<button type=\"submit\">Add zone</button></fieldset></form>\n");

        if (zones.Count == 0)
        {
            html.Append("<p id=\"no-zones\">No outside zones yet.</p>\n");
        }
        else
        {
            AppendRecordForm(html, zones, hidden, form);
        }

        foreach (var zone in zones)
        {
            html.Append("<h2>").Append(E(zone.Apex)).Append("</h2>\n")
                .Append("<form class=\"inline\" method=\"post\" action=\"/_local/outside-dns/zones/delete\">").Append(hidden)
                .Append("<input type=\"hidden\" name=\"apex\" value=\"").Append(E(zone.Apex)).Append("\">")
                .Append("<button type=\"submit\">Delete zone ").Append(E(zone.Apex)).Append("</button></form>\n")
                .Append("<table data-zone=\"").Append(E(zone.Apex)).Append("\"><thead><tr><th>Name</th><th>Type</th><th>TTL</th><th>Value</th><th></th></tr></thead><tbody>\n");
            foreach (var record in zone.Records)
            {
                var id = record.Id.ToString(CultureInfo.InvariantCulture);
                html.Append("<tr data-record-id=\"").Append(id).Append("\"><td>").Append(E(record.Name)).Append("</td><td>").Append(E(record.Type))
                    .Append("</td><td>").Append(record.Ttl.ToString(CultureInfo.InvariantCulture)).Append("</td><td>").Append(E(record.Value)).Append("</td><td>")
                    .Append("<form class=\"inline\" method=\"post\" action=\"/_local/outside-dns/records/").Append(id).Append("/delete\">").Append(hidden)
                    .Append("<button type=\"submit\">Delete</button></form></td></tr>\n");
            }

            html.Append("</tbody></table>\n");
        }

        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void AppendRecordForm(StringBuilder html, IReadOnlyList<OutsideZone> zones, string hidden, FormValues? form)
    {
        html.Append("<form method=\"post\" action=\"/_local/outside-dns/records\"><fieldset><legend>Add a record</legend>").Append(hidden)
            .Append("<label for=\"record-zone\">Zone</label> <select id=\"record-zone\" name=\"zone\">");
        foreach (var zone in zones)
        {
            var selected = string.Equals(form?.Zone, zone.Apex, StringComparison.OrdinalIgnoreCase) ? " selected" : string.Empty;
            html.Append("<option value=\"").Append(E(zone.Apex)).Append('"').Append(selected).Append('>').Append(E(zone.Apex)).Append("</option>");
        }

        html.Append("</select> <label for=\"record-name\">Name</label> <input id=\"record-name\" name=\"name\" placeholder=\"mail\" value=\"").Append(E(form?.Name))
            .Append("\"> <label for=\"record-type\">Type</label> <select id=\"record-type\" name=\"type\">");
        foreach (var type in OutsideRecordInput.Types)
        {
            var selected = string.Equals(form?.Type, type, StringComparison.OrdinalIgnoreCase) ? " selected" : string.Empty;
            html.Append("<option").Append(selected).Append('>').Append(type).Append("</option>");
        }

        html.Append("</select> <label for=\"record-ttl\">TTL</label> <input id=\"record-ttl\" name=\"ttl\" size=\"6\" value=\"").Append(E(form?.Ttl ?? "300"))
            .Append("\"> <label for=\"record-value\">Value</label> <input id=\"record-value\" name=\"value\" size=\"50\" placeholder=\"10 feedback-smtp.us-east-1.amazonses.com\" value=\"").Append(E(form?.Value))
            .Append("\"> <button type=\"submit\">Add record</button></fieldset></form>\n");
    }

    private static string E(string? value) => WebUtility.HtmlEncode(value ?? string.Empty);
}
