using Portcullis.Secrets.Detection;
using Portcullis.Secrets.Providers;
using static Portcullis.Secrets.Tests.SecretsScan;

namespace Portcullis.Secrets.Tests;

/// <summary>The fast paths of the no-secret case must not lose a form that holds a literal.</summary>
public sealed class PrefilterTests
{
    private const string Password = "Tr0ub4dor&3x!Qz";

    [Fact]
    public void The_anchor_index_finds_every_anchor_of_a_large_set_in_order_of_position()
    {
        var anchors = ProviderCatalog.All.Where(p => !p.AnchorsIgnoreCase).SelectMany(p => p.Anchors).Distinct().ToArray();
        Assert.True(anchors.Length > 48, "the catalog is large enough to be split into several sets");
        var index = new AnchorIndex<string>(anchors.Select(a => (a, a)), ignoreCase: false);
        var text = string.Join(" filler ", anchors);

        var hits = index.Hits(text);

        Assert.Equal(hits.OrderBy(h => h.Position).Select(h => h.Position), hits.Select(h => h.Position));
        foreach (var anchor in anchors)
        {
            Assert.Contains(hits, h => h.Anchor == anchor && text.AsSpan(h.Position).StartsWith(anchor));
        }
    }

    [Theory]
    [InlineData("python", "token = os.environ.get(\"API_TOKEN\", \"" + Password + "\")\n")]
    [InlineData("python", "settings[\"password\"] = \"" + Password + "\"\n")]
    [InlineData("c", "#define DB_PASSWORD \"" + Password + "\"\n")]
    [InlineData("xml", "<add key=\"SmtpPassword\" value=\"" + Password + "\" />")]
    [InlineData("javascript", "if (\"" + Password + "\" === password) { login(); }\n")]
    [InlineData("text", "password :\n  \"" + Password + "\"\n")]
    public void Forms_that_the_quick_look_keeps_are_still_found(string language, string code)
    {
        Assert.Contains(FindSecrets(code, language), f => f.RuleId == SecretRules.GenericId);
    }

    [Theory]
    [InlineData("https://app:s3cr3tPw@db.internal/x", true)]
    [InlineData("see https://user@example.com and mailto:x", false)]
    [InlineData("https://example.com/a:b@c", false)]
    [InlineData("\"https://example.com\" // owner: me@example.com", false)]
    [InlineData("mongodb+srv://svc:p@ss:w0rd@cluster0.mongodb.net", true)]
    public void The_uri_look_keeps_only_a_user_info_with_a_password(string text, bool expected)
    {
        Assert.Equal(expected, UriShape.HasPassword(text, text.IndexOf("://", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("redis://default:Qz7vR2mX9kLp4@cache.internal:6379")]
    [InlineData("jdbc:postgresql://app:Qz7vR2mX9kLp4@db.internal:5432/orders")]
    [InlineData("// licence: https://owasp.org/x\nftp://deploy:Qz7vR2mX9kLp4@files.example.org/upload")]
    public void Uris_with_a_password_are_still_found_after_the_look(string text)
    {
        Assert.Contains(FindSecrets(text), f => f.RuleId is "secrets.database-uri" or "secrets.basic-auth-url");
    }

    [Theory]
    [InlineData("javascript", "const apiKey = config.secrets.apiKey;\n")]
    [InlineData("python", "password = settings.get_password(\"db\")\n")]
    [InlineData("text", "The token is injected by the platform; the password never leaves the vault.\n")]
    public void Lookups_and_prose_are_not_findings(string language, string code)
    {
        Assert.Empty(FindSecrets(code, language));
    }
}
