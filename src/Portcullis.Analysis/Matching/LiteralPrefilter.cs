namespace Portcullis.Analysis.Matching;

/// <summary>
/// The identifiers a clause cannot match without (an <c>execute</c>, a <c>pickle</c>): a rule whose
/// prefilter fails on the raw text is skipped before any tree is walked.
/// </summary>
internal abstract record LiteralPrefilter
{
    public static LiteralPrefilter From(CompiledClause clause) => clause switch
    {
        CompiledPatternClause p => new AllWords(p.Pattern.RequiredWords.Distinct(StringComparer.Ordinal).ToArray()),
        CompiledAny any => new AnyOf(any.Clauses.Select(From).ToArray()),
        CompiledAll all => new AllOf([.. all.Positive.Select(From), .. all.AllowedNames.Values.Select(names => new AnyOf(names.Select(n => (LiteralPrefilter)new AllWords([n])).ToArray()))]),
        _ => new AllWords([]),
    };

    public abstract bool Passes(string text, Dictionary<string, bool> cache);

    protected static bool Contains(string text, string word, Dictionary<string, bool> cache)
    {
        if (!cache.TryGetValue(word, out var present))
        {
            cache[word] = present = text.Contains(word, StringComparison.Ordinal);
        }
        return present;
    }

    private sealed record AllWords(string[] Words) : LiteralPrefilter
    {
        public override bool Passes(string text, Dictionary<string, bool> cache) => Words.All(w => Contains(text, w, cache));
    }

    private sealed record AnyOf(LiteralPrefilter[] Alternatives) : LiteralPrefilter
    {
        public override bool Passes(string text, Dictionary<string, bool> cache) => Alternatives.Any(a => a.Passes(text, cache));
    }

    private sealed record AllOf(LiteralPrefilter[] Parts) : LiteralPrefilter
    {
        public override bool Passes(string text, Dictionary<string, bool> cache) => Parts.All(p => p.Passes(text, cache));
    }
}
