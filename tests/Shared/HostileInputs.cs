namespace MailFromConsole.Testing;

/// <summary>
/// The one shared table of hostile and odd inputs that every layer's tests read (rules, wire client, local AWS, UI).
/// Theories take the <c>Key</c> (from <see cref="MailFromDomainKeys"/>) and look the row up with <see cref="MailFromDomain"/>,
/// so that values with NUL, lone surrogates or huge lengths never go through the test runner's serialisation.
/// Depends only on the BCL and xunit: this file is compiled into every test project.
/// The verdicts are the console's own rules (stricter than SES's): a layer that applies SES's checks as AWS does
/// (the local AWS) may accept some refused rows, but must never accept one with a different normalised name.
/// Readers: Core rules (MailFromDomainRules), the wire client against a loopback recorder (Aws.Tests,
/// HostileWireClientTests), the local AWS over HTTP (LocalAws.Tests, HostileLocalAwsTests and SharedHostileInputTests),
/// the console services over the fake edge and over the real local AWS, and the Set MAIL FROM dialog (Web.Tests).
/// Add rows freely; never rename a key (test results and other layers refer to them).
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

        // More valid odd forms (boundaries, IDN scripts, dots that IDNA maps to '.').
        new("name-253-trailing-dot", Name253 + ".", Name253),
        new("many-single-char-labels-253", string.Concat(Enumerable.Repeat("a.", 121)) + "example.com", string.Concat(Enumerable.Repeat("a.", 121)) + "example.com"),
        new("label-63-digits", new string('9', 63) + ".example.com", new string('9', 63) + ".example.com"),
        new("zero-label", "0.example.com", "0.example.com"),
        new("hex-like-label", "0x7f000001.example.com", "0x7f000001.example.com"),
        new("digit-hyphen-label", "1-2.example.com", "1-2.example.com"),
        new("hyphens-at-3-and-4", "ab--cd.example.com", "ab--cd.example.com"),
        new("identity-repeated-as-labels", "example.com.example.com", "example.com.example.com"),
        new("surrounding-spaces-trailing-dot", "  mail.example.com.  ", "mail.example.com"),
        new("punycode-upper-case", "XN--BCHER-KVA.EXAMPLE.COM", "xn--bcher-kva.example.com"),
        new("fullwidth-full-stop", "mail\uFF0Eexample.com", "mail.example.com"),
        new("halfwidth-ideographic-full-stop", "mail\uFF61example.com", "mail.example.com"),
        new("fullwidth-identity-lookalike", "mail.ｅｘａｍｐｌｅ.com", "mail.example.com"),
        new("idn-japanese", "メール.example.com", "xn--4dkua4c.example.com"),
        new("idn-chinese", "邮件.example.com", "xn--5nq051n.example.com"),
        new("idn-arabic", "بريد.example.com", "xn--ngbof4h.example.com"),
        new("idn-hebrew", "עברית.example.com", "xn--5dbqzzl.example.com"),
        new("idn-thai", "ไทย.example.com", "xn--o3cw4h.example.com"),
        new("idn-korean", "한국.example.com", "xn--3e0b707e.example.com"),
        new("idn-upper-accents", "ÅNGSTRÖM.example.com", "xn--ngstrm-hua5l.example.com"),
        new("kelvin-sign", "\u212Aelvin.example.com", "kelvin.example.com"),
        new("idn-greek-lower", "δοκιμή.example.com", "xn--jxalpdlp.example.com"),

        // More names that are not a proper subdomain of example.com.
        new("cyrillic-e-in-identity", "mail.exampl\u0435.com", null),
        new("other-tld-same-name", "mail.example.org", null),
        new("identity-then-other-domain", "mail.example.com.example.org", null),
        new("localhost", "localhost", null),
        new("localhost-subdomain", "mail.localhost", null),
        new("reverse-dns-name", "1.0.0.127.in-addr.arpa", null),
        new("json-null-word", "null", null),
        new("identity-with-many-trailing-dots", "example.com...", null),

        // More lengths.
        new("label-100", new string('c', 100) + ".example.com", null),
        new("label-64-digits", new string('9', 64) + ".example.com", null),
        new("label-64-in-middle", "a." + Label64 + ".example.com", null),
        new("name-255-single-char-labels", string.Concat(Enumerable.Repeat("a.", 122)) + "example.com", null),
        new("name-254-trailing-dot-over", Name254 + ".", null),
        new("name-1024", new string('d', 1012) + ".example.com", null),
        new("name-1025", new string('d', 1013) + ".example.com", null),
        new("huge-1m", new string('x', 1_000_000) + ".example.com", null),
        new("huge-spaces-only", new string(' ', 10_000), null),
        new("huge-crlf", string.Concat(Enumerable.Repeat("\r\n", 5_000)), null),
        new("huge-ampersands", string.Concat(Enumerable.Repeat("&Action=DeleteIdentity", 2_000)), null),
        new("idn-label-over-63-after-punycode", new string(Enumerable.Range(0, 30).Select(i => (char)(0x4E00 + i * 97)).ToArray()) + ".example.com", null),

        // More whitespace, control and invisible characters.
        new("leading-tab", "\tmail.example.com", null),
        new("leading-lf", "\nmail.example.com", null),
        new("cr-inside", "mail\r.example.com", null),
        new("vertical-tab", "mail\v.example.com", null),
        new("form-feed", "mail.example.com\f", null),
        new("escape-ansi", "\u001B[31mmail.example.com", null),
        new("delete-char", "mail\u007F.example.com", null),
        new("bell", "mail\u0007.example.com", null),
        new("backspaces", "mail.example.com\b\b\b.evil.com", null),
        new("next-line", "mail.example.com\u0085", null),
        new("paragraph-separator", "mail\u2029.example.com", null),
        new("em-space", "mail\u2003.example.com", null),
        new("ideographic-space", "mail\u3000.example.com", null),
        new("narrow-no-break-space", "mail.example.com\u202F", null),
        new("soft-hyphen", "mail\u00AD.example.com", null),
        new("zero-width-joiner", "ma\u200Dil.example.com", null),
        new("zero-width-non-joiner", "ma\u200Cil.example.com", null),
        new("word-joiner", "mail\u2060.example.com", null),
        new("left-to-right-mark", "\u200Email.example.com", null),
        new("right-to-left-mark", "mail.example.com\u200F", null),
        new("rtl-embedding", "\u202Bmail.example.com\u202C", null),
        new("ltr-override", "\u202Dmail.example.com", null),
        new("rtl-isolate", "mail\u2067.example.com\u2069", null),
        new("rtl-override-trailing", "mail.example.com\u202E", null),
        new("rtl-override-reversed-name", "\u202Emoc.elpmaxe.liam", null),
        new("space-before-dot", "mail .example.com", null),
        new("space-after-dot", "mail. example.com", null),

        // More confusables and look-alike punctuation.
        new("greek-question-mark", "mail\u037E.example.com", null),
        new("one-dot-leader", "mail\u2024example.com", null),
        new("fraction-slash", "mail\u2044example.com", null),
        new("division-slash", "mail\u2215example.com", null),
        new("fullwidth-at", "user\uFF20mail.example.com", null),
        new("hangul-filler", "\u3164.example.com", null),
        new("combining-mark-only", "\u0301.example.com", null),
        new("math-bold-letters", "𝐦𝐚𝐢𝐥.example.com", null),
        new("emoji-zwj-sequence", "👨‍👩‍👧.example.com", null),
        new("flag-emoji", "🇺🇸.example.com", null),
        new("lone-low-surrogate", "mail\uDC00.example.com", null),
        new("reversed-surrogates", "mail\uDC00\uD800.example.com", null),
        new("replacement-character", "mail\uFFFD.example.com", null),
        new("noncharacter", "mail\uFFFF.example.com", null),
        new("private-use", "mail\uE000.example.com", null),

        // More characters meaningful to forms, URLs and headers.
        new("plus", "mail+x.example.com", null),
        new("plus-as-space", "mail+.example.com", null),
        new("percent", "mail%.example.com", null),
        new("percent-encoded-query", "mail%26Action%3DDeleteIdentity.example.com", null),
        new("percent-20", "mail%20.example.com", null),
        new("double-percent-encoded-dot", "mail%252eexample.com", null),
        new("percent-nul-trailing", "mail.example.com%00", null),
        new("percent-nul-middle", "mail%00.example.com", null),
        new("overlong-utf8-dots", "%c0%ae%c0%ae/mail.example.com", null),
        new("form-identity-override", "mail.example.com&Identity=victim.com", null),
        new("form-action-only", "Action=DeleteIdentity", null),
        new("form-mailfrom-repeated", "mail.example.com&MailFromDomain=evil.example.com", null),
        new("form-behavior-override", "mail.example.com&BehaviorOnMXFailure=RejectMessage", null),
        new("semicolon-parameter", "mail.example.com;Action=DeleteIdentity", null),
        new("header-injection-lf-only", "mail.example.com\nX-Injected: 1", null),
        new("response-splitting", "mail.example.com\r\n\r\n<html>", null),
        new("cjk-crlf-bytes", "mail.example.com\u560A\u560DX-Injected:1", null),

        // Path traversal and file names.
        new("path-traversal", "../../etc/passwd", null),
        new("path-traversal-prefix", "../mail.example.com", null),
        new("path-traversal-suffix", "mail.example.com/../../", null),
        new("path-traversal-encoded", "%2e%2e%2fmail.example.com", null),
        new("windows-traversal", "..\\..\\windows\\win.ini", null),
        new("file-url", "file:///etc/passwd", null),
        new("unc-path", "\\\\server\\share", null),
        new("absolute-path", "/etc/passwd", null),

        // XML: entities, tags, CDATA and declarations.
        new("xml-external-entity", "<!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><x>&xxe;</x>", null),
        new("xml-entity-reference", "&xxe;.example.com", null),
        new("xml-numeric-entity-dot", "mail&#46;example.com", null),
        new("xml-hex-entity", "&#x6d;ail.example.com", null),
        new("xml-escaped-tags", "&lt;mail&gt;.example.com", null),
        new("xml-close-element", "</MailFromDomain><Identity>victim.com</Identity>", null),
        new("xml-route53-close", "mail.example.com.</Name><Type>NS</Type>", null),
        new("xml-comment", "mail<!-- x -->.example.com", null),
        new("xml-declaration", "<?xml version=\"1.0\"?>mail.example.com", null),
        new("xml-billion-laughs-ref", "&lol9;", null),
        new("xml-cdata-end", "]]>.example.com", null),

        // JSON-breaking strings.
        new("json-quote-break", "mail.example.com\",\"admin\":true,\"x\":\"", null),
        new("json-object", "{\"domain\":\"mail.example.com\"}", null),
        new("json-array", "[\"mail.example.com\"]", null),
        new("json-unicode-escape", "mail\\u002eexample.com", null),
        new("json-escaped-newline", "mail.example.com\\n", null),
        new("json-backslash-quote", "mail\\\".example.com", null),

        // HTML and script.
        new("html-img-onerror", "<img src=x onerror=alert(1)>.example.com", null),
        new("html-attribute-break", "\" onmouseover=\"alert(1)", null),
        new("html-single-quote-break", "' onfocus='alert(1)' autofocus='", null),
        new("javascript-url", "javascript:alert(1)", null),
        new("svg-onload", "<svg/onload=alert(1)>", null),
        new("template-injection", "{{7*7}}.example.com", null),
        new("razor-expression", "@(1+1).example.com", null),
        new("greater-than", "mail>.example.com", null),

        // SQL-ish.
        new("sql-union", "mail' UNION SELECT password FROM users--", null),
        new("sql-stacked", "mail.example.com; DELETE FROM identities", null),
        new("sql-double-quote", "mail\".example.com", null),
        new("sql-attach", "x'; ATTACH DATABASE '/tmp/x.db' AS x;--", null),
        new("sql-like-percent", "%.example.com", null),
        new("sql-block-comment", "mail/**/.example.com", null),
        new("sql-backslash-quote", "mail\\'.example.com", null),

        // Shell, format strings and other interpreters.
        new("backticks", "`id`.example.com", null),
        new("shell-and", "mail.example.com && rm -rf /", null),
        new("shell-newline-command", "mail.example.com\nrm -rf /", null),
        new("printf-format", "%s%s%n.example.com", null),
        new("dotnet-format", "{0}.example.com", null),
        new("route53-octal-escape", "mail\\056example.com", null),
        new("route53-octal-star", "\\052.example.com", null),
        new("ipv4-with-port", "192.168.1.1:25", null),
        new("ipv6-bracketed", "[::1]", null),
        new("ipv4-decimal", "3232235777", null),

        // Moved from the wire client's own tests (Aws.Tests), now read by every layer.
        new("dnsname-override", "a&dnsname=evil.com", null),
        new("url-parts", "x y/z?q=1#frag", null),
        new("idn-other-domain", "ünï.example", null),
        new("encoded-action-override", "x=y%26Action%3DDeleteIdentity", null),
        new("header-injection-x", "line\r\nX-Injected: 1", null),
        new("xml-identity-element", "<Identity>evil</Identity>", null),
        new("xml-change-break", "</Value></ResourceRecord></ResourceRecords></ResourceRecordSet><Action>DELETE</Action>&amp;", null),
        new("start-of-heading-control", "mail\u0001.example.com.", null),
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

        new("domain-surrounding-spaces", "  example.com  ", "example.com"),
        new("email-trailing-dot-domain", "user@example.com.", "example.com"),
        new("email-dotted-local-part", "first.last@example.com", "example.com"),
        new("domain-idn", "bücher.de", "xn--bcher-kva.de"),
        new("domain-upper-idn", "BÜCHER.DE", "xn--bcher-kva.de"),
        new("domain-all-cyrillic", "почта.рф", "xn--80a1acny.xn--p1ai"),
        new("email-local-part-64", new string('u', 64) + "@example.com", "example.com"),
        new("domain-deep", "a.b.c.example.com", "a.b.c.example.com"),
        new("domain-tld-only", "com", null),
        new("domain-ip", "192.168.1.1", null),
        new("domain-wildcard", "*.example.com", null),
        new("domain-label-64", new string('a', 64) + ".com", null),
        new("domain-name-254", Name254, null),
        new("domain-query-injection", "example.com&Action=DeleteIdentity", null),
        new("domain-identity-override", "example.com&Identity=victim.com", null),
        new("domain-xml-close", "</Identity><Identity>victim.com", null),
        new("domain-path-traversal", "../example.com", null),
        new("domain-percent-nul", "example.com%00", null),
        new("domain-rtl-override", "exa\u202Emple.com", null),
        new("domain-crlf", "example.com\r\n", null),
        new("domain-cyrillic-confusable", "ехample.com", null),
        new("domain-zero-width", "example\u200B.com", null),
        new("domain-tab", "example.com\t", null),
        new("domain-sql", "example.com'; DROP TABLE identities;--", null),
        new("domain-html", "<script>alert(1)</script>.com", null),
        new("domain-emoji", "💌.com", null),
        new("domain-lone-surrogate", "\uD800.com", null),
        new("domain-xml-entity", "&xxe;example.com", null),
        new("domain-percent-encoded", "example%2ecom", null),
        new("domain-single-quote", "exa'mple.com", null),
        new("domain-double-quote", "\"example.com\"", null),
        new("domain-json-break", "example.com\",\"x\":\"", null),
        new("email-display-name", "Name <user@example.com>", null),
        new("email-angle-brackets", "<user@example.com>", null),
        new("email-comma-list", "a@example.com,b@example.com", null),
        new("email-percent-encoded-at", "user%40example.com", null),
        new("email-fullwidth-at", "user\uFF20example.com", null),
        new("email-nul-in-local-part", "us\0er@example.com", null),
        new("email-crlf-in-local-part", "us\r\ner@example.com", null),
        new("email-space-only-local-part", " @example.com", null),
        new("email-domain-traversal", "user@../example.com", null),
        new("email-domain-query-injection", "user@example.com&Action=DeleteIdentity", null),
        new("huge-domain", new string('a', 1_000_000) + ".com", null),
        new("action-override", "a&Action=DeleteIdentity", null),
        new("encoded-action-override", "x=y%26Action%3DDeleteIdentity", null),
        new("header-injection-x", "line\r\nX-Injected: 1", null),
        new("xml-identity-element", "<Identity>evil</Identity>", null),
        new("domain-idn-example-tld", "ünïcödé.example", "xn--ncd-dma1a7bzb.example"),
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
