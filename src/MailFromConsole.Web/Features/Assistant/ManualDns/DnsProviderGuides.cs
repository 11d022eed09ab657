namespace MailFromConsole.Web.Features.Assistant.ManualDns;

/// <summary>The guides for the common providers, filled in with the user's own records.</summary>
public static class DnsProviderGuides
{
    /// <param name="records">From <see cref="RecordSetExport.ForForms"/> (one MX, one TXT).</param>
    public static IReadOnlyList<DnsProviderGuide> For(IReadOnlyList<ManualRecord> records, string zoneApex)
    {
        var mx = records.First(r => r.Type == "MX");
        var txt = records.First(r => r.Type == "TXT");
        var host = mx.Host;
        var zone = zoneApex.TrimEnd('.');
        var hostTrap = $"Type only \"{host}\" in the name/host field, not \"{mx.Name}\": the provider adds \"{zone}\" itself, and the full name would become {mx.Name}.{zone}.";
        var oneTxt = $"If a TXT record with \"v=spf1\" already exists at {host}, do not add a second one: edit it and add \"include:amazonses.com\" before its \"~all\" (or \"-all\").";
        var oneMx = $"Keep exactly one MX record at {host}. Delete any other MX record there, or SES's check fails.";

        return
        [
            new("route53-other", "Route 53 (another AWS account)",
            [
                $"Sign in to the AWS account that owns the hosted zone {zone}, open Route 53 → Hosted zones → {zone}, and choose Create record.",
                $"Record name: {host}. Record type: MX. Value: {mx.Priority} {mx.Value}. Choose Create records.",
                $"Create another record: Record name: {host}. Record type: TXT. Value (with the quotes): \"{txt.Value}\".",
            ],
            [
                hostTrap,
                "Route 53 wants the TXT value inside double quotes; without them it refuses the value (\"should be enclosed in quotation marks\").",
                $"Route 53 keeps one record set per name and type: if a TXT record already exists at {host}, edit it and add the value as a new line instead of creating another. {oneTxt}",
            ]),
            new("cloudflare", "Cloudflare",
            [
                $"In the Cloudflare dashboard open the {zone} zone, then DNS → Records → Add record.",
                $"Type: MX. Name: {host}. Mail server: {mx.Value}. Priority: {mx.Priority}. Save.",
                $"Add record: Type: TXT. Name: {host}. Content: \"{txt.Value}\". Save.",
            ],
            [
                hostTrap,
                "Cloudflare asks for TXT content as quoted text and warns when the quotes are missing; type the value inside double quotes.",
                "MX and TXT records are never proxied (no orange cloud), so there is nothing to switch off.",
                oneTxt,
            ]),
            new("godaddy", "GoDaddy",
            [
                $"In your GoDaddy account open Domain Portfolio → {zone} → DNS, and choose Add New Record.",
                $"Type: MX. Name: {host}. Value: {mx.Value}. Priority: {mx.Priority}. Save.",
                $"Add New Record: Type: TXT. Name: {host}. Value: {txt.Value} (without quotes). Save.",
            ],
            [
                hostTrap + " In GoDaddy \"@\" means the domain itself; do not use it here.",
                "Type the TXT value without quotes: GoDaddy adds them, and typed quotes can end up inside the record.",
                oneTxt,
            ]),
            new("google-cloud-dns", "Google Cloud DNS",
            [
                $"In the Google Cloud console open Network services → Cloud DNS → the zone for {zone}, and choose Add standard.",
                $"DNS name: {host} (the console shows .{zone}. after it). Resource record type: MX. Preference and mail server: {mx.Priority} {mx.Value}. (with the final dot). Create.",
                $"Add standard: DNS name: {host}. Type: TXT. TXT data: \"{txt.Value}\". Create.",
            ],
            [
                hostTrap,
                $"The mail server must end with a dot ({mx.Value}.), or it is read as a name inside your zone.",
                "Type the TXT data inside double quotes, as shown: without them Cloud DNS may store each word as a separate string.",
                $"Cloud DNS keeps one record set per name and type: to keep another TXT value at {host}, add the SPF value as another item of the same record set. {oneTxt}",
            ]),
            new("azure-dns", "Azure DNS",
            [
                $"In the Azure portal open DNS zones → {zone}, and choose + Record set.",
                $"Name: {host}. Type: MX. Preference: {mx.Priority}. Mail exchange: {mx.Value}. OK.",
                $"+ Record set: Name: {host}. Type: TXT. Value: {txt.Value} (without quotes). OK.",
            ],
            [
                hostTrap,
                "Type the TXT value without quotes; Azure stores it as one text string.",
                $"Azure keeps one TXT record set per name: if one already exists at {host}, open it and add or edit the value there. {oneTxt}",
            ]),
            new("generic", "Other DNS provider",
            [
                $"Sign in where the DNS of {zone} is managed (often the registrar, or your hosting company) and open its DNS records.",
                $"Add an MX record: host/name {host}, priority {mx.Priority}, mail server {mx.Value}.",
                $"Add a TXT record: host/name {host}, value {txt.Value}.",
                "If the provider can import a zone file, you can paste the zone-file snippet instead.",
            ],
            [
                hostTrap,
                "Some providers want TXT values inside double quotes, others add the quotes themselves: if the saved record shows two sets of quotes, remove the ones you typed.",
                oneMx,
                oneTxt,
            ]),
        ];
    }
}
