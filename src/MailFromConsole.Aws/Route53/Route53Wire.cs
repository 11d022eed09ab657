namespace MailFromConsole.Aws.Route53;

/// <summary>
/// Every name the Route 53 client puts on or reads from the wire, in one place: a test checks each operation,
/// URI, query parameter, element and enum value against botocore's service model for Route 53 2013-04-01.
/// </summary>
internal static class Route53Wire
{
    public const string SigningName = "route53";

    /// <summary>Route 53 is global: requests are signed for us-east-1.</summary>
    public const string SigningRegion = "us-east-1";

    public const string Namespace = "https://route53.amazonaws.com/doc/2013-04-01/";

    internal static class Operations
    {
        public const string ListHostedZonesByName = "ListHostedZonesByName";
        public const string ListResourceRecordSets = "ListResourceRecordSets";
        public const string ChangeResourceRecordSets = "ChangeResourceRecordSets";
        public const string GetChange = "GetChange";
    }

    /// <summary>Request URIs exactly as the model writes them; <c>{Id}</c> is replaced by the escaped id.</summary>
    internal static class RequestUris
    {
        public const string ListHostedZonesByName = "/2013-04-01/hostedzonesbyname";
        public const string ListResourceRecordSets = "/2013-04-01/hostedzone/{Id}/rrset";
        public const string ChangeResourceRecordSets = "/2013-04-01/hostedzone/{Id}/rrset/";
        public const string GetChange = "/2013-04-01/change/{Id}";
    }

    /// <summary>Query-string names (the model's locationName of querystring members).</summary>
    internal static class QueryParameters
    {
        public const string DnsName = "dnsname";
        public const string HostedZoneId = "hostedzoneid";
        public const string MaxItems = "maxitems";
        public const string StartRecordName = "name";
        public const string StartRecordType = "type";
    }

    /// <summary>XML element names (shape members, list member locationNames and the request's root element).</summary>
    internal static class Elements
    {
        public const string ChangeResourceRecordSetsRequest = "ChangeResourceRecordSetsRequest";
        public const string HostedZones = "HostedZones";
        public const string HostedZone = "HostedZone";
        public const string Id = "Id";
        public const string Name = "Name";
        public const string Config = "Config";
        public const string PrivateZone = "PrivateZone";
        public const string ResourceRecordSetCount = "ResourceRecordSetCount";
        public const string IsTruncated = "IsTruncated";
        public const string NextDnsName = "NextDNSName";
        public const string NextHostedZoneId = "NextHostedZoneId";
        public const string ResourceRecordSets = "ResourceRecordSets";
        public const string ResourceRecordSet = "ResourceRecordSet";
        public const string Type = "Type";
        public const string Ttl = "TTL";
        public const string ResourceRecords = "ResourceRecords";
        public const string ResourceRecord = "ResourceRecord";
        public const string Value = "Value";
        public const string NextRecordName = "NextRecordName";
        public const string NextRecordType = "NextRecordType";
        public const string ChangeInfo = "ChangeInfo";
        public const string Status = "Status";
        public const string SubmittedAt = "SubmittedAt";
        public const string Comment = "Comment";
        public const string ChangeBatch = "ChangeBatch";
        public const string Changes = "Changes";
        public const string Change = "Change";
        public const string Action = "Action";
    }

    /// <summary>Enum values the client sends or parses, with the model's enum shape that holds them.</summary>
    internal static class EnumValues
    {
        public const string ChangeActionShape = "ChangeAction";
        public const string Create = "CREATE";
        public const string Delete = "DELETE";
        public const string Upsert = "UPSERT";
        public const string ChangeStatusShape = "ChangeStatus";
        public const string Pending = "PENDING";
        public const string InSync = "INSYNC";
    }

    /// <summary>The prefixes Route 53 puts before ids in responses.</summary>
    public const string HostedZoneIdPrefix = "/hostedzone/";
    public const string ChangeIdPrefix = "/change/";
}
