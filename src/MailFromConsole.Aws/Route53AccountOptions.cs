namespace MailFromConsole.Aws;

/// <summary>One entry of <c>Aws:Route53Accounts</c>: names at or under <see cref="Suffix"/> are published through <see cref="RoleArn"/>.</summary>
public sealed class Route53AccountOptions
{
    /// <summary>A domain, e.g. <c>example.com</c>: it and every name under it (the longest matching suffix wins).</summary>
    public string Suffix { get; set; } = "";

    public string RoleArn { get; set; } = "";

    /// <summary>The external id the role's trust policy asks for, if any.</summary>
    public string? ExternalId { get; set; }
}
