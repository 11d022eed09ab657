namespace MailFromConsole.Testing;

/// <summary>One hostile or odd input with the verdict of the console's MAIL FROM rules for <see cref="HostileInputs.Identity"/>.</summary>
/// <param name="Key">Short unique name, safe to show in test names (the value itself may hold NUL, CR/LF or 100,000 characters).</param>
/// <param name="Value">The raw input, exactly as a user or a client might send it.</param>
/// <param name="ExpectedNormalized">For a valid MAIL FROM domain, its normalised form (lower case, no trailing dot, punycode); null when it must be refused.</param>
public sealed record HostileInput(string Key, string? Value, string? ExpectedNormalized)
{
    public bool IsValid => ExpectedNormalized is not null;

    public override string ToString() => Key;
}
