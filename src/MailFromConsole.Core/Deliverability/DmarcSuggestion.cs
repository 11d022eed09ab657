using MailFromConsole.Core.MailFrom;

namespace MailFromConsole.Core.Deliverability;

/// <summary>The DMARC record the console suggests: monitoring only (<c>p=none</c>) with aggregate reports to an address the user gives.</summary>
public static class DmarcSuggestion
{
    public static bool TryCreate(string? reportAddress, out string record, out string? error)
    {
        record = "";
        var address = reportAddress?.Trim(' ') ?? "";
        if (!address.Contains('@', StringComparison.Ordinal))
        {
            error = "Enter the address that should receive the DMARC reports, such as dmarc-reports@example.com.";
            return false;
        }

        // These characters separate tags, URIs and sizes inside a DMARC record, so an address holding one would break it.
        if (address.IndexOfAny([';', ',', '!']) >= 0)
        {
            error = $"The report address {DnsNameRules.Display(address)} contains ';', ',' or '!', which cannot appear in a DMARC record's rua= address.";
            return false;
        }

        if (!MailFromDomainRules.TryIdentityDomain(address, out _, out error))
        {
            error = $"The report address is not a valid email address: {error}";
            return false;
        }

        record = $"v=DMARC1; p=none; rua=mailto:{address}";
        return true;
    }
}
