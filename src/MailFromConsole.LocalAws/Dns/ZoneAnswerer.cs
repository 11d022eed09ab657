using ARSoft.Tools.Net;
using ARSoft.Tools.Net.Dns;
using MailFromConsole.Core.Route53;
using Microsoft.Extensions.Logging;

namespace MailFromConsole.LocalAws.Dns;

/// <summary>
/// Builds the authoritative answer to one query from <see cref="IZoneData"/>, read afresh every time so a change
/// published through Route 53 (or on the outside-DNS page) is visible at once.
/// </summary>
public sealed class ZoneAnswerer(IZoneData zones, ILogger logger)
{
    // Largest UDP answer we promise to EDNS clients (the DNS flag-day value); longer answers get TC and a TCP retry.
    internal const ushort MaxUdpPayload = 1232;
    private const int MaxCnameHops = 8;

    public DnsMessage Answer(DnsMessage query)
    {
        var response = query.CreateResponseInstance();
        response.IsRecursionAllowed = false;
        response.EDnsOptions = query.IsEDnsEnabled && query.EDnsOptions is { } opt
            ? new OptRecord(Math.Min(Math.Max(opt.UdpPayloadSize, (ushort)512), MaxUdpPayload))
            : null;

        if (query.OperationCode != OperationCode.Query)
        {
            response.ReturnCode = ReturnCode.NotImplemented;
            return response;
        }

        if (query.Questions.Count != 1)
        {
            response.ReturnCode = ReturnCode.FormatError;
            return response;
        }

        var question = query.Questions[0];
        var name = DnsNames.Canonical(question.Name.ToString());
        var apex = question.RecordClass is RecordClass.INet or RecordClass.Any
            ? DnsNames.DeepestApex(zones.ZoneApexes(), name)
            : null;
        if (apex is null)
        {
            response.ReturnCode = ReturnCode.Refused;
            return response;
        }

        response.IsAuthoritiveAnswer = true;
        var records = zones.RecordsAt(apex, name);
        var isApex = name == apex;
        if (records.Count == 0 && !isApex)
        {
            response.ReturnCode = zones.HasRecordsBelow(apex, name) ? ReturnCode.NoError : ReturnCode.NxDomain;
            response.AuthorityRecords.Add(Soa(apex));
            return response;
        }

        AddAnswers(response, apex, name, records, question.RecordType, hops: 0);
        if (isApex && question.RecordType == RecordType.Soa && response.AnswerRecords.Count == 0)
        {
            // Every zone has an SOA at its apex, even when the stored data (an outside zone) holds none.
            response.AnswerRecords.Add(Soa(apex));
        }

        if (response.AnswerRecords.Count == 0)
        {
            response.AuthorityRecords.Add(Soa(apex));
        }

        return response;
    }

    private void AddAnswers(DnsMessage response, string apex, string name, IReadOnlyList<ZoneRecord> records, RecordType type, int hops)
    {
        var cname = records.FirstOrDefault(r => r.Type.Equals("CNAME", StringComparison.OrdinalIgnoreCase));
        if (cname is not null && type != RecordType.CName && type != RecordType.Any)
        {
            // A CNAME answers every type at its name; follow it when the target is ours too, as authoritative servers do.
            if (Convert(cname) is not CNameRecord wire)
            {
                return;
            }

            response.AnswerRecords.Add(wire);
            var target = DnsNames.Canonical(wire.CanonicalName.ToString());
            var targetApex = DnsNames.DeepestApex(zones.ZoneApexes(), target);
            if (targetApex is not null && hops < MaxCnameHops)
            {
                AddAnswers(response, targetApex, target, zones.RecordsAt(targetApex, target), type, hops + 1);
            }

            return;
        }

        foreach (var record in records)
        {
            if (type == RecordType.Any || ZoneRecordConverter.TypeOf(record.Type) == type)
            {
                if (Convert(record) is { } wire)
                {
                    response.AnswerRecords.Add(wire);
                }
            }
        }
    }

    private DnsRecordBase Soa(string apex)
    {
        var stored = zones.RecordsAt(apex, apex).FirstOrDefault(r => r.Type.Equals("SOA", StringComparison.OrdinalIgnoreCase));
        return stored is not null && Convert(stored) is SoaRecord soa ? soa : ZoneRecordConverter.SynthesizedSoa(apex);
    }

    private DnsRecordBase? Convert(ZoneRecord record)
    {
        if (ZoneRecordConverter.TryConvert(record, out var wire, out var error))
        {
            return wire;
        }

        // Bad stored data must not take the server down; it is left out of the answer and reported.
        logger.LogWarning("Local DNS skips a stored record it cannot serve: {Error}", error);
        return null;
    }
}
