namespace MailFromConsole.Core.Ses;

public sealed record IdentityNotificationAttributes(
    string? BounceTopic,
    string? ComplaintTopic,
    string? DeliveryTopic,
    bool ForwardingEnabled);
