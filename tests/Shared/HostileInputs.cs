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

/// <summary>An identity input and the domain the rules must take from it (null when the identity is invalid).</summary>
public sealed record HostileIdentity(string Key, string? Value, string? ExpectedDomain)
{
    public bool IsValid => ExpectedDomain is not null;

    public override string ToString() => Key;
}

/// <summary>
/// The one shared table of hostile and odd inputs that every layer's tests read (rules, wire client, local AWS, UI).
/// Theories take the <c>Key</c> (from <see cref="MailFromDomainKeys"/>) and look the row up with <see cref="MailFromDomain"/>,
/// so that values with NUL, lone surrogates or huge lengths never go through the test runner's serialisation.
/// Depends only on the BCL and xunit: this file is compiled into every test project.
/// The verdicts are the console's own rules (stricter than SES's): a layer that applies SES's checks as AWS does
/// (the local AWS) may accept some refused rows, but must never accept one with a different normalised name.
/// </summary>
public static class HostileInputs
{
    /// <summary>The identity every MAIL FROM row is judged against.</summary>
    public const string Identity = "example.com";

    private static readonly string Label63 = new('a', 63);
    private static readonly string Label64 = new('a', 64);

    // 253 characters: three 63-character labels, one of 49, then ".example.com" (12).
    private static readonly string Name253 = $"{Label63}.{Label63}.{Label63}.{new string('b', 49)}.example.com";
    private static readonly string Name254 = $"{Label63}.{Label63}.{Label63}.{new string('b', 50)}.example.com";

    private static readonly HostileInput[] MailFromRows =
    [
        // Valid, with the form they must be normalised to.
        new("plain", "mail.example.com", "mail.example.com"),
        new("upper-case", "MAIL.EXAMPLE.COM", "mail.example.com"),
        new("mixed-case", "Mail.Example.Com", "mail.example.com"),
        new("trailing-dot", "mail.example.com.", "mail.example.com"),
        new("upper-case-trailing-dot", "BOUNCE.EXAMPLE.COM.", "bounce.example.com"),
        new("surrounding-spaces", "  mail.example.com  ", "mail.example.com"),
        new("many-trailing-spaces", "mail.example.com" + new string(' ', 300), "mail.example.com"),
        new("deep-subdomain", "a.b.c.mail.example.com", "a.b.c.mail.example.com"),
        new("single-letter-label", "m.example.com", "m.example.com"),
        new("digits-label", "123.example.com", "123.example.com"),
        new("ip-like-labels-under-domain", "1.2.3.4.example.com", "1.2.3.4.example.com"),
        new("inner-hyphen", "bounce-mail.example.com", "bounce-mail.example.com"),
        new("double-inner-hyphen", "mail--x.example.com", "mail--x.example.com"),
        new("label-63", Label63 + ".example.com", Label63 + ".example.com"),
        new("name-253", Name253, Name253),
        new("idn-umlaut", "bücher.example.com", "xn--bcher-kva.example.com"),
        new("idn-upper-umlaut", "BÜCHER.example.com", "xn--bcher-kva.example.com"),
        new("punycode-given", "xn--bcher-kva.example.com", "xn--bcher-kva.example.com"),
        new("idn-cyrillic-label", "почта.example.com", "xn--80a1acny.example.com"),
        new("idn-greek-label", "ταχυδρομείο.example.com", "xn--kxadje8ardlylv.example.com"),
        new("idn-combining-accent", "cafe\u0301.example.com", "xn--caf-dma.example.com"),
        new("idn-precomposed-accent", "café.example.com", "xn--caf-dma.example.com"),
        new("ideographic-full-stop", "mail\u3002example.com", "mail.example.com"),
        new("fullwidth-letters", "ｍａｉｌ.example.com", "mail.example.com"),

        // Not a proper subdomain of example.com (compared by labels, not by string suffix).
        new("identity-itself", "example.com", null),
        new("identity-itself-upper-dot", "EXAMPLE.COM.", null),
        new("string-suffix-not-label", "mailexample.com", null),
        new("other-domain", "mail.other.com", null),
        new("identity-as-prefix", "example.com.evil.com", null),
        new("shorter-tld", "mail.example.co", null),
        new("longer-tld", "mail.example.com.au", null),
        new("tld-only", "com", null),
        new("parent-without-tld", "mail.example", null),
        new("cyrillic-confusable-identity", "mail.ехample.com", null),
        new("all-cyrillic-lookalike-domain", "mail.ехатрlе.com", null),

        // Empty and dots.
        new("null", null, null),
        new("empty", "", null),
        new("space-only", " ", null),
        new("dot-only", ".", null),
        new("two-dots", "..", null),
        new("leading-dot", ".mail.example.com", null),
        new("double-dot", "mail..example.com", null),
        new("two-trailing-dots", "mail.example.com..", null),

        // Lengths.
        new("label-64", Label64 + ".example.com", null),
        new("name-254", Name254, null),
        new("name-300", string.Join('.', Enumerable.Repeat("abcdefghi", 30)) + ".example.com", null),
        new("huge-100k", new string('a', 100_000) + ".example.com", null),
        new("huge-many-labels", string.Concat(Enumerable.Repeat("a.", 5_000)) + "example.com", null),
        new("huge-idn", string.Concat(Enumerable.Repeat("ü", 70)) + ".example.com", null),

        // LDH rules.
        new("leading-hyphen", "-mail.example.com", null),
        new("trailing-hyphen", "mail-.example.com", null),
        new("underscore-label", "_dmarc.example.com", null),
        new("underscore-inside", "mail_box.example.com", null),
        new("wildcard", "*.example.com", null),
        new("wildcard-inside", "mail.*.example.com", null),
        new("invalid-punycode", "xn--.example.com", null),
        new("invalid-punycode-digits", "xn--999999999999.example.com", null),

        // Whitespace and invisible characters.
        new("inner-space", "mail example.com", null),
        new("space-in-label", "mail.exa mple.com", null),
        new("tab", "mail.example.com\t", null),
        new("tab-only", "\t", null),
        new("crlf-only", "\r\n", null),
        new("trailing-crlf", "mail.example.com\r\n", null),
        new("header-injection", "mail.example.com\r\nBcc: victim@example.net", null),
        new("lf-inside", "mail\n.example.com", null),
        new("nul-inside", "mail\0.example.com", null),
        new("nul-trailing", "mail.example.com\0", null),
        new("zero-width-space", "mail.example.com\u200B", null),
        new("byte-order-mark", "\uFEFFmail.example.com", null),
        new("no-break-space", "mail\u00A0.example.com", null),
        new("line-separator", "mail.example.com\u2028", null),
        new("rtl-override", "mail\u202E.example.com", null),

        // Mixed-script look-alikes (confusables).
        new("cyrillic-a-in-latin-label", "mаil.example.com", null),
        new("greek-omicron-in-latin-label", "bοunce.example.com", null),

        // Characters that mean something to HTML, URLs, query strings, XML, shells or SQL.
        new("ampersand", "mail&x.example.com", null),
        new("equals", "mail=1.example.com", null),
        new("query-string-injection", "mail.example.com&Action=DeleteIdentity", null),
        new("less-than", "<mail>.example.com", null),
        new("script-tag", "mail.example.com<script>alert(1)</script>", null),
        new("double-quotes", "\"mail\".example.com", null),
        new("single-quotes", "'mail'.example.com", null),
        new("xml-cdata", "<![CDATA[mail]]>.example.com", null),
        new("xml-entity", "mail&amp;.example.com", null),
        new("sql-drop", "mail.example.com'; DROP TABLE identities;--", null),
        new("sql-or-true", "' OR '1'='1", null),
        new("sql-comment", "mail.example.com--", null),
        new("percent-encoded-crlf", "mail.example.com%0d%0a", null),
        new("percent-encoded-dot", "mail%2eexample.com", null),
        new("percent-nul", "%00.example.com", null),
        new("slash", "mail/example.com", null),
        new("backslash", "mail\\example.com", null),
        new("url", "http://mail.example.com", null),
        new("port", "mail.example.com:25", null),
        new("path", "mail.example.com/", null),
        new("query", "mail.example.com?x=1", null),
        new("fragment", "mail.example.com#frag", null),
        new("email-address", "user@mail.example.com", null),
        new("at-domain", "@example.com", null),
        new("shell-substitution", "$(reboot).example.com", null),
        new("log4j-lookup", "${jndi:ldap://x}.example.com", null),
        new("pipe", "mail.example.com|ls", null),
        new("semicolon", "mail.example.com;rm -rf /", null),
        new("comma-list", "mail.example.com,bounce.example.com", null),
        new("ipv4-address", "192.168.1.1", null),
        new("ipv6-address", "::1", null),
        new("numeric-tld", "mail.example.123", null),
        new("emoji", "💌.example.com", null),
        new("lone-surrogate", "\uD800.example.com", null),
    ];

    private static readonly HostileIdentity[] IdentityRows =
    [
        new("domain", "example.com", "example.com"),
        new("domain-upper-dot", "EXAMPLE.COM.", "example.com"),
        new("email", "user@example.com", "example.com"),
        new("email-upper-domain", "User@Example.COM", "example.com"),
        new("email-plus-tag", "user+tag@example.com", "example.com"),
        new("email-subdomain", "ops@mail.example.com", "mail.example.com"),
        new("email-idn-domain", "user@bücher.de", "xn--bcher-kva.de"),
        new("null", null, null),
        new("empty", "", null),
        new("no-dot", "localhost", null),
        new("email-no-dot", "user@localhost", null),
        new("nothing-before-at", "@example.com", null),
        new("nothing-after-at", "user@", null),
        new("two-ats", "a@b@example.com", null),
        new("space-in-local-part", "user name@example.com", null),
        new("local-part-65", new string('u', 65) + "@example.com", null),
        new("header-injection", "user@example.com\r\nBcc: victim@example.net", null),
        new("nul", "user@example.com\0", null),
        new("sql", "user@example.com' OR '1'='1", null),
        new("huge", new string('a', 100_000) + "@example.com", null),
    ];

    /// <summary>Every MAIL FROM row (proposed MAIL FROM domain for <see cref="Identity"/>).</summary>
    public static IReadOnlyList<HostileInput> MailFromDomains => MailFromRows;

    /// <summary>Every identity row.</summary>
    public static IReadOnlyList<HostileIdentity> Identities => IdentityRows;

    /// <summary>Keys of the MAIL FROM rows, for <c>[MemberData(nameof(HostileInputs.MailFromDomainKeys), MemberType = typeof(HostileInputs))]</c>.</summary>
    public static Xunit.TheoryData<string> MailFromDomainKeys => Keys(MailFromRows.Select(r => r.Key));

    /// <summary>Keys of the valid MAIL FROM rows only.</summary>
    public static Xunit.TheoryData<string> ValidMailFromDomainKeys => Keys(MailFromRows.Where(r => r.IsValid).Select(r => r.Key));

    /// <summary>Keys of the MAIL FROM rows that must be refused.</summary>
    public static Xunit.TheoryData<string> InvalidMailFromDomainKeys => Keys(MailFromRows.Where(r => !r.IsValid).Select(r => r.Key));

    /// <summary>Keys of the identity rows.</summary>
    public static Xunit.TheoryData<string> IdentityKeys => Keys(IdentityRows.Select(r => r.Key));

    /// <summary>The MAIL FROM rows as <c>object[]</c> { key } for runners that want that shape.</summary>
    public static IEnumerable<object[]> MailFromDomainRows => MailFromRows.Select(r => new object[] { r.Key });

    public static HostileInput MailFromDomain(string key) => MailFromRows.Single(r => r.Key == key);

    public static HostileIdentity IdentityInput(string key) => IdentityRows.Single(r => r.Key == key);

    private static Xunit.TheoryData<string> Keys(IEnumerable<string> keys)
    {
        var data = new Xunit.TheoryData<string>();
        foreach (var key in keys)
        {
            data.Add(key);
        }

        return data;
    }
}
