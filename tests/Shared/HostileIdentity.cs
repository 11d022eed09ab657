namespace MailFromConsole.Testing;

/// <summary>An identity input and the domain the rules must take from it (null when the identity is invalid).</summary>
public sealed record HostileIdentity(string Key, string? Value, string? ExpectedDomain)
{
    public bool IsValid => ExpectedDomain is not null;

    public override string ToString() => Key;
}
