using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MailFromConsole.Core.Route53;
using ARSoft.Tools.Net;
using ARSoft.Tools.Net.Dns;

namespace MailFromConsole.LocalAws.Dns;

/// <summary>Turns a <see cref="ZoneRecord"/> (Route 53 presentation values) into a wire record.</summary>
public static class ZoneRecordConverter
{
    /// <summary>A TXT character-string holds at most 255 bytes.</summary>
    public const int MaxCharacterStringBytes = 255;

    /// <summary>The record types this DNS view serves.</summary>
    public static readonly IReadOnlySet<string> SupportedTypes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "A", "AAAA", "CNAME", "MX", "NS", "SOA", "TXT",
    };

    public static RecordType? TypeOf(string type) => type.ToUpperInvariant() switch
    {
        "A" => RecordType.A,
        "AAAA" => RecordType.Aaaa,
        "CNAME" => RecordType.CName,
        "MX" => RecordType.Mx,
        "NS" => RecordType.Ns,
        "SOA" => RecordType.Soa,
        "TXT" => RecordType.Txt,
        _ => null,
    };

    /// <summary>The wire record, or an error saying why the stored value cannot be served.</summary>
    public static bool TryConvert(ZoneRecord record, out DnsRecordBase? converted, out string? error)
    {
        converted = null;
        error = null;
        if (!DomainName.TryParse(DnsNames.Canonical(record.Name), out var name) || name is null)
        {
            error = $"invalid owner name '{record.Name}'";
            return false;
        }

        var ttl = (int)Math.Clamp(record.Ttl, 0, int.MaxValue);
        var value = record.Value.Trim();
        switch (record.Type.ToUpperInvariant())
        {
            case "A" when IPAddress.TryParse(value, out var v4) && v4.AddressFamily == AddressFamily.InterNetwork:
                converted = new ARecord(name, ttl, v4);
                return true;
            case "AAAA" when IPAddress.TryParse(value, out var v6) && v6.AddressFamily == AddressFamily.InterNetworkV6:
                converted = new AaaaRecord(name, ttl, v6);
                return true;
            case "CNAME" when TryHost(value, out var target):
                converted = new CNameRecord(name, ttl, target!);
                return true;
            case "NS" when TryHost(value, out var ns):
                converted = new NsRecord(name, ttl, ns!);
                return true;
            case "MX":
                var mx = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (mx.Length == 2 && ushort.TryParse(mx[0], NumberStyles.None, CultureInfo.InvariantCulture, out var preference) && TryHost(mx[1], out var exchange))
                {
                    converted = new MxRecord(name, ttl, preference, exchange!);
                    return true;
                }

                break;
            case "TXT":
                // Raw RDATA, because the library's TxtRecord writes text as ASCII and would turn UTF-8 into '?'.
                converted = new UnknownRecord(name, RecordType.Txt, RecordClass.INet, ttl, TxtRdata(record.Value));
                return true;
            case "SOA" when TryParseSoa(name, ttl, value, out var soa):
                converted = soa;
                return true;
        }

        error = $"cannot serve {record.Type} value '{record.Value}'";
        return false;
    }

    /// <summary>Splits plain text into character-strings of at most 255 UTF-8 bytes, never inside a character.</summary>
    public static IReadOnlyList<string> SplitCharacterStrings(string text)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        var currentBytes = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (currentBytes + size > MaxCharacterStringBytes)
            {
                parts.Add(current.ToString());
                current.Clear();
                currentBytes = 0;
            }

            current.Append(rune.ToString());
            currentBytes += size;
        }

        parts.Add(current.ToString());
        return parts;
    }

    /// <summary>TXT RDATA: each character-string as a length byte and its UTF-8 bytes.</summary>
    public static byte[] TxtRdata(string text)
    {
        var rdata = new List<byte>();
        foreach (var part in SplitCharacterStrings(text))
        {
            var bytes = Encoding.UTF8.GetBytes(part);
            rdata.Add((byte)bytes.Length);
            rdata.AddRange(bytes);
        }

        return [.. rdata];
    }

    /// <summary>An SOA for zones whose data has none, so negative answers still carry one.</summary>
    public static SoaRecord SynthesizedSoa(string apex)
    {
        var zone = DomainName.Parse(DnsNames.Canonical(apex));
        return new SoaRecord(zone, 900, DomainName.Parse("ns.localaws.invalid."), DomainName.Parse("hostmaster.localaws.invalid."), 1, 7200, 900, 1209600, 60);
    }

    private static bool TryHost(string value, out DomainName? host) => DomainName.TryParse(DnsNames.Canonical(value), out host) && host is not null;

    private static bool TryParseSoa(DomainName name, int ttl, string value, out SoaRecord? soa)
    {
        soa = null;
        var f = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (f.Length != 7 || !TryHost(f[0], out var master) || !TryHost(f[1], out var responsible)
            || !uint.TryParse(f[2], NumberStyles.None, CultureInfo.InvariantCulture, out var serial)
            || !int.TryParse(f[3], NumberStyles.None, CultureInfo.InvariantCulture, out var refresh)
            || !int.TryParse(f[4], NumberStyles.None, CultureInfo.InvariantCulture, out var retry)
            || !int.TryParse(f[5], NumberStyles.None, CultureInfo.InvariantCulture, out var expire)
            || !int.TryParse(f[6], NumberStyles.None, CultureInfo.InvariantCulture, out var minimum))
        {
            return false;
        }

        soa = new SoaRecord(name, ttl, master!, responsible!, serial, refresh, retry, expire, minimum);
        return true;
    }
}
