using Portcullis.Rules.Loading;
using Portcullis.Rules.Model;
using Portcullis.Syntax;

namespace Portcullis.Rules.Tests;

public sealed class SecurePatternFileParserTests
{
    private const string ValidEntry = """
        patterns:
          - id: python.test.sha256
            language: py
            topic: crypto
            title: Use SHA-256
            owner: security-engineering
            version: 3
            updated: 2026-11-22
            cwe: [CWE-328]
            rule: python.crypto.weak-hash
            rationale: MD5 collides.
            insecure: |
              hashlib.md5(data)
            secure: |
              hashlib.sha256(data)
        """;

    [Fact]
    public void A_valid_entry_loads_with_its_metadata()
    {
        var pattern = Assert.Single(SecurePatternFileParser.Parse("p.yaml", ValidEntry, LanguageIds.Normalize));

        Assert.Equal(("python", "crypto", 3, new DateOnly(2026, 11, 22), "python.crypto.weak-hash"), (pattern.Language, pattern.Topic, pattern.Version, pattern.Updated, pattern.RuleId));
        Assert.Equal(new[] { "CWE-328" }, pattern.Cwe.ToArray());
        Assert.Equal("hashlib.sha256(data)\n", pattern.Secure);
    }

    [Theory]
    [InlineData("topic: crypto", "topic: crypt0", "unknown topic 'crypt0'")]
    [InlineData("    owner: security-engineering\n", "", "missing 'owner'")]
    [InlineData("updated: 2026-11-22", "updated: 22/11/2026", "updated must be a date")]
    [InlineData("version: 3", "version: three", "version must be a whole number")]
    [InlineData("cwe: [CWE-328]", "cwe: [328]", "cwe must list ids like CWE-89")]
    [InlineData("language: py", "language: cobol", "unknown language 'cobol'")]
    [InlineData("rationale: MD5 collides.", "rationale: MD5 collides.\n    reviewer: someone", "unknown key 'reviewer'")]
    public void A_malformed_entry_is_rejected_with_the_line_and_the_reason(string original, string replacement, string reason)
    {
        var yaml = ValidEntry.Replace(original, replacement, StringComparison.Ordinal);

        var error = Assert.Throws<RuleLoadException>(() => SecurePatternFileParser.Parse("p.yaml", yaml, LanguageIds.Normalize));

        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
        Assert.Equal("p.yaml", error.Location.File);
        Assert.InRange(error.Location.Line, 2, 16);
    }
}
