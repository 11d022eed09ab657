using System.Globalization;
using System.Xml.Linq;
using MailFromConsole.Core.Ses;
using MailFromConsole.LocalAws.Store;
using MailFromConsole.LocalAws.Wire;

namespace MailFromConsole.LocalAws.Ses;

/// <summary>The SES Query API (2010-12-01) operations, each on the identities of the signing account in the signed region, with SES's own checks and wording.</summary>
internal sealed class SesApi(SesIdentities service, MailboxRepository mailbox, TimeProvider time)
{
    private const int MaxIdentitiesPerCall = 100;

    private static readonly XNamespace Ns = AwsXml.Ses;

    private IdentityRepository Identities => service.Store;

    public XDocument Handle(string action, SesScope scope, SesParameters p, string requestId)
    {
        object?[] result = action switch
        {
            SesOperations.ListIdentities => ListIdentities(scope, p),
            SesOperations.GetIdentityVerificationAttributes => GetIdentityVerificationAttributes(scope, p),
            SesOperations.VerifyEmailIdentity => VerifyEmailIdentity(scope, p),
            SesOperations.VerifyDomainIdentity => VerifyDomainIdentity(scope, p),
            SesOperations.DeleteIdentity => DeleteIdentity(scope, p),
            SesOperations.SetIdentityMailFromDomain => SetIdentityMailFromDomain(scope, p),
            SesOperations.GetIdentityMailFromDomainAttributes => GetIdentityMailFromDomainAttributes(scope, p),
            SesOperations.GetIdentityNotificationAttributes => GetIdentityNotificationAttributes(scope, p),
            SesOperations.SetIdentityFeedbackForwardingEnabled => SetIdentityFeedbackForwardingEnabled(scope, p),
            SesOperations.SetIdentityNotificationTopic => SetIdentityNotificationTopic(scope, p),
            SesOperations.SendEmail => SendEmail(scope, p),
            SesOperations.VerifyDomainDkim => VerifyDomainDkim(scope, p),
            SesOperations.GetIdentityDkimAttributes => GetIdentityDkimAttributes(scope, p),
            SesOperations.SetIdentityDkimEnabled => SetIdentityDkimEnabled(scope, p),
            _ => throw new AwsError(400, "InvalidAction", $"The action {action} is not valid for this web service."),
        };
        return AwsXml.SesResponse(action, requestId, result);
    }

    private object?[] ListIdentities(SesScope scope, SesParameters p)
    {
        IdentityType? type = p.Optional("IdentityType") switch
        {
            null => null,
            "EmailAddress" => IdentityType.EmailAddress,
            "Domain" => IdentityType.Domain,
            var other => throw AwsError.EnumValidation(other, "identityType", "EmailAddress, Domain"),
        };
        var max = 1000;
        if (p.Optional("MaxItems") is { } rawMax &&
            (!int.TryParse(rawMax, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out max) || max is < 1 or > 1000))
        {
            throw AwsError.InvalidParameterValue("MaxItems must be between 1 and 1000.");
        }

        var after = p.Optional("NextToken") is { Length: > 0 } token ? PageToken.Decode(token) : null;
        var page = Identities.Page(scope, type, after, max + 1);
        var shown = page.Take(max).ToList();
        return
        [
            AwsXml.Members(Ns, "Identities", shown.Select(i => i.Identity)),
            page.Count > max ? new XElement(Ns + "NextToken", PageToken.Encode(shown[^1].Identity)) : null,
        ];
    }

    private object?[] GetIdentityVerificationAttributes(SesScope scope, SesParameters p)
    {
        var requested = RequestedIdentities(p);
        var found = Lookup(scope, requested);
        return
        [
            Map("VerificationAttributes", requested, found, r => new object?[]
            {
                new XElement(Ns + "VerificationStatus", r.VerificationStatus.ToString()),
                r.Type == IdentityType.Domain ? new XElement(Ns + "VerificationToken", r.VerificationToken) : null,
            }),
        ];
    }

    private object?[] VerifyEmailIdentity(SesScope scope, SesParameters p)
    {
        service.VerifyEmail(scope, Address(p.Required("EmailAddress")));
        return [];
    }

    private object?[] VerifyDomainIdentity(SesScope scope, SesParameters p)
    {
        var record = service.VerifyDomain(scope, Domain(p.Required("Domain")));
        return [new XElement(Ns + "VerificationToken", record.VerificationToken)];
    }

    private object?[] VerifyDomainDkim(SesScope scope, SesParameters p)
    {
        var record = service.StartDkim(scope, Domain(p.Required("Domain")));
        return [AwsXml.Members(Ns, "DkimTokens", record.DkimTokens)];
    }

    private object?[] GetIdentityDkimAttributes(SesScope scope, SesParameters p)
    {
        var requested = RequestedIdentities(p);
        var found = Lookup(scope, requested);
        var domains = Identities.FindMany(scope, found.Values.Where(r => r.Type == IdentityType.EmailAddress).Select(r => r.Domain))
            .ToDictionary(r => r.Identity, StringComparer.Ordinal);
        return
        [
            Map("DkimAttributes", requested, found, r =>
            {
                var dkim = service.Dkim(r, domains.GetValueOrDefault(r.Domain));
                return
                [
                    new XElement(Ns + "DkimEnabled", dkim.Enabled ? "true" : "false"),
                    new XElement(Ns + "DkimVerificationStatus", dkim.Status.ToString()),
                    dkim.Tokens.Count == 0 ? null : AwsXml.Members(Ns, "DkimTokens", dkim.Tokens),
                ];
            }),
        ];
    }

    private object?[] SetIdentityDkimEnabled(SesScope scope, SesParameters p)
    {
        var identity = p.Required("Identity");
        service.SetDkimEnabled(scope, identity, Boolean(p.Required("DkimEnabled"), "DkimEnabled"));
        return [];
    }

    private object?[] DeleteIdentity(SesScope scope, SesParameters p)
    {
        // Deleting an identity that does not exist succeeds, as in SES.
        service.Delete(scope, SesNames.NormalizeIdentity(p.Required("Identity")));
        return [];
    }

    private object?[] SetIdentityMailFromDomain(SesScope scope, SesParameters p)
    {
        var rawIdentity = p.Required("Identity");
        BehaviorOnMxFailure? behavior = p.Optional("BehaviorOnMXFailure") switch
        {
            null => null,
            "UseDefaultValue" => BehaviorOnMxFailure.UseDefaultValue,
            "RejectMessage" => BehaviorOnMxFailure.RejectMessage,
            var other => throw AwsError.EnumValidation(other, "behaviorOnMXFailure", "RejectMessage, UseDefaultValue"),
        };
        service.SetMailFrom(scope, rawIdentity, p.Optional("MailFromDomain"), behavior);
        return [];
    }

    private object?[] GetIdentityMailFromDomainAttributes(SesScope scope, SesParameters p)
    {
        var requested = RequestedIdentities(p);
        var found = Lookup(scope, requested);
        return
        [
            Map("MailFromDomainAttributes", requested, found, r => new object?[]
            {
                r.MailFromDomain is null ? null : new XElement(Ns + "MailFromDomain", r.MailFromDomain),
                r.MailFromStatus is null ? null : new XElement(Ns + "MailFromDomainStatus", r.MailFromStatus.ToString()),
                new XElement(Ns + "BehaviorOnMXFailure", r.Behavior.ToString()),
            }),
        ];
    }

    private object?[] GetIdentityNotificationAttributes(SesScope scope, SesParameters p)
    {
        var requested = RequestedIdentities(p);
        var found = Lookup(scope, requested);
        return
        [
            Map("NotificationAttributes", requested, found, r => new object?[]
            {
                r.BounceTopic is null ? null : new XElement(Ns + "BounceTopic", r.BounceTopic),
                r.ComplaintTopic is null ? null : new XElement(Ns + "ComplaintTopic", r.ComplaintTopic),
                r.DeliveryTopic is null ? null : new XElement(Ns + "DeliveryTopic", r.DeliveryTopic),
                new XElement(Ns + "ForwardingEnabled", r.ForwardingEnabled ? "true" : "false"),
                new XElement(Ns + "HeadersInBounceNotificationsEnabled", "false"),
                new XElement(Ns + "HeadersInComplaintNotificationsEnabled", "false"),
                new XElement(Ns + "HeadersInDeliveryNotificationsEnabled", "false"),
            }),
        ];
    }

    private object?[] SetIdentityFeedbackForwardingEnabled(SesScope scope, SesParameters p)
    {
        var rawIdentity = p.Required("Identity");
        var enabled = Boolean(p.Required("ForwardingEnabled"), "ForwardingEnabled");
        Identities.Mutate(scope, SesNames.NormalizeIdentity(rawIdentity), current =>
        {
            if (current is null)
            {
                throw AwsError.InvalidParameterValue($"Identity '{rawIdentity}' does not exist.");
            }

            // SES keeps bounces and complaints flowing somewhere: forwarding can stop only when both go to SNS.
            if (!enabled && (current.BounceTopic is null || current.ComplaintTopic is null))
            {
                throw AwsError.InvalidParameterValue(
                    "Feedback forwarding cannot be disabled until bounce and complaint notification topics are set.");
            }

            return current with { ForwardingEnabled = enabled };
        });
        return [];
    }

    private object?[] SetIdentityNotificationTopic(SesScope scope, SesParameters p)
    {
        var rawIdentity = p.Required("Identity");
        var type = p.Required("NotificationType");
        var topic = p.Optional("SnsTopic");
        if (topic is { Length: > 0 } && !topic.StartsWith("arn:aws:sns:", StringComparison.Ordinal))
        {
            throw AwsError.InvalidParameterValue($"Invalid SNS topic ARN: {topic}.");
        }

        var value = string.IsNullOrEmpty(topic) ? null : topic;
        Identities.Mutate(scope, SesNames.NormalizeIdentity(rawIdentity), current =>
        {
            if (current is null)
            {
                throw AwsError.InvalidParameterValue($"Identity '{rawIdentity}' does not exist.");
            }

            var next = type switch
            {
                "Bounce" => current with { BounceTopic = value },
                "Complaint" => current with { ComplaintTopic = value },
                "Delivery" => current with { DeliveryTopic = value },
                _ => throw AwsError.EnumValidation(type, "notificationType", "Bounce, Complaint, Delivery"),
            };
            // Removing a topic while forwarding is off turns forwarding back on, so feedback is never lost.
            return next.BounceTopic is null || next.ComplaintTopic is null ? next with { ForwardingEnabled = true } : next;
        });
        return [];
    }

    private object?[] SendEmail(SesScope scope, SesParameters p)
    {
        var source = p.Required("Source");
        var recipients = p.Members("Destination.ToAddresses")
            .Concat(p.Members("Destination.CcAddresses"))
            .Concat(p.Members("Destination.BccAddresses"))
            .ToList();
        if (recipients.Count == 0)
        {
            throw new AwsError(400, "InvalidParameterValue", "Missing required header 'To'.");
        }

        // As SES: every destination must be an address, so no line break or other text rides along as a recipient.
        if (recipients.FirstOrDefault(r => SesNames.NormalizeAddress(SesNames.AddressOf(r)) is null) is { } illegal)
        {
            throw AwsError.InvalidParameterValue($"Illegal address: {illegal}");
        }

        var subject = p.Required("Message.Subject.Data");
        var body = p.Optional("Message.Body.Text.Data") ?? p.Optional("Message.Body.Html.Data") ?? "";
        var address = SesNames.NormalizeAddress(SesNames.AddressOf(source))
                      ?? throw AwsError.InvalidParameterValue($"Missing final '@domain' in {source}");
        var domain = address[(address.LastIndexOf('@') + 1)..];
        var emailIdentity = Identities.Find(scope, address);
        var domainIdentity = Identities.Find(scope, domain);
        if (emailIdentity?.VerificationStatus != VerificationStatus.Success && domainIdentity?.VerificationStatus != VerificationStatus.Success)
        {
            throw new AwsError(400, "MessageRejected",
                $"Email address is not verified. The following identities failed the check in region {scope.Region.ToUpperInvariant()}: {address}");
        }

        // The address's own MAIL FROM setting wins over its domain's, as in SES.
        var setting = emailIdentity is { MailFromDomain: not null } ? emailIdentity : domainIdentity is { MailFromDomain: not null } ? domainIdentity : null;
        var messageId = service.NewMessageId();
        string mailFromDomain;
        if (setting is { MailFromStatus: CustomMailFromStatus.Success })
        {
            mailFromDomain = setting.MailFromDomain!;
        }
        else if (setting is { Behavior: BehaviorOnMxFailure.RejectMessage })
        {
            throw new AwsError(400, "MailFromDomainNotVerifiedException",
                $"The custom MAIL FROM domain {setting.MailFromDomain} of identity {setting.Identity} is not verified (status {setting.MailFromStatus}).");
        }
        else
        {
            mailFromDomain = SesNames.DefaultMailFromDomain(scope.Region);
        }

        mailbox.Add(new MailboxMessage(0, scope.Region, MailboxKind.Sent, messageId, source, recipients, subject, body,
            $"{messageId}@{mailFromDomain}", null, time.GetUtcNow()));
        return [new XElement(Ns + "MessageId", messageId)];
    }

    private static IReadOnlyList<string> RequestedIdentities(SesParameters p)
    {
        var requested = p.RequiredMembers("Identities");
        if (requested.Count > MaxIdentitiesPerCall)
        {
            throw AwsError.InvalidParameterValue($"Too many identities: at most {MaxIdentitiesPerCall} identities can be requested in one call.");
        }

        return requested;
    }

    private Dictionary<string, IdentityRecord> Lookup(SesScope scope, IReadOnlyList<string> requested)
    {
        var records = Identities.FindMany(scope, requested.Select(SesNames.NormalizeIdentity))
            .ToDictionary(r => r.Identity, StringComparer.Ordinal);
        var result = new Dictionary<string, IdentityRecord>(StringComparer.Ordinal);
        foreach (var raw in requested.Distinct(StringComparer.Ordinal))
        {
            if (records.TryGetValue(SesNames.NormalizeIdentity(raw), out var record))
            {
                result[raw] = record;
            }
        }

        return result;
    }

    // Identities that do not exist are left out of the map, as SES does.
    private static XElement Map(string name, IReadOnlyList<string> requested, Dictionary<string, IdentityRecord> found, Func<IdentityRecord, object?[]> value) =>
        new(Ns + name, requested.Distinct(StringComparer.Ordinal)
            .Where(found.ContainsKey)
            .Select(key => new XElement(Ns + "entry",
                new XElement(Ns + "key", key),
                new XElement(Ns + "value", value(found[key])))));

    private static string Address(string raw) =>
        SesNames.NormalizeAddress(raw) ?? throw AwsError.InvalidParameterValue($"Invalid email address<{raw}>.");

    private static string Domain(string raw) =>
        SesNames.NormalizeDomain(raw) ?? throw AwsError.InvalidParameterValue($"Invalid domain name {raw}.");

    private static bool Boolean(string raw, string name) => raw switch
    {
        "true" => true,
        "false" => false,
        _ => throw AwsError.InvalidParameterValue($"Invalid value for {name}: {raw}."),
    };
}
