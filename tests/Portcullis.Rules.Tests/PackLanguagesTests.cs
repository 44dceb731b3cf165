using Portcullis.Rules.Loading;
using Portcullis.Syntax;

namespace Portcullis.Rules.Tests;

public sealed class PackLanguagesTests
{
    private static readonly HashSet<string> Python = new(["python"], StringComparer.Ordinal);

    [Theory]
    [InlineData("rules:\n  - id: a\n    languages: [python]\n", true)]
    [InlineData("rules:\n  - id: a\n    languages: [\"py\", java]\n", true)]
    [InlineData("rules:\n  - id: a\n    languages: [java, kotlin]\n  - id: b\n    languages: [go]\n", false)]
    [InlineData("rules:\n  - id: a\n    languages:\n      - java\n", true)]
    public void A_file_is_read_when_a_rule_in_it_may_be_for_the_language(string yaml, bool expected)
    {
        Assert.Equal(expected, PackLanguages.MayHoldRulesFor(yaml, Python, LanguageIds.Normalize));
    }

    [Fact]
    public void Loading_for_one_language_gives_exactly_the_embedded_rules_for_it()
    {
        var all = EmbeddedRulePacks.Load(LanguageIds.Normalize);

        foreach (var language in all.SelectMany(r => r.Languages).Distinct())
        {
            var subset = EmbeddedRulePacks.Load(LanguageIds.Normalize, new HashSet<string>([language], StringComparer.Ordinal));
            Assert.Equal(
                all.Where(r => r.Languages.Contains(language)).Select(r => r.Id).Order(StringComparer.Ordinal),
                subset.Where(r => r.Languages.Contains(language)).Select(r => r.Id).Order(StringComparer.Ordinal));
        }
    }
}
