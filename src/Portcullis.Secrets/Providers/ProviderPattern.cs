using System.Text.RegularExpressions;

namespace Portcullis.Secrets.Providers;

/// <summary>
/// One credential format a provider issues. <see cref="Anchors"/> are literal strings every match
/// contains (the prefilter looks for them before any regex runs). The regex's <c>secret</c> group, when
/// present, is the credential inside a longer match (the password of a URI); otherwise the whole match is.
/// </summary>
/// <param name="Kind">Stable name of the format, e.g. <c>github-classic-token</c>.</param>
/// <param name="RuleId">The rule the finding is reported under, e.g. <c>secrets.github-token</c>.</param>
/// <param name="EnvironmentName">Variable the fix reads the value from when no better name is known.</param>
/// <param name="Validate">Checksum check; a value that fails is still reported, with less confidence (it may be hand-made).</param>
/// <param name="Accept">Structure check; a value that fails is not this format at all (a JWT header that is not JSON).</param>
/// <param name="AnchorsIgnoreCase">Anchors match in any case (keywords rather than prefixes).</param>
/// <param name="MultiLine">The match may span lines (PEM blocks).</param>
/// <param name="JudgeRandomness">The random part must look generated (not <c>xxxx</c>, not an alphabet).</param>
/// <param name="Strict">A vendor shape (critical); false for structures whose secret is free-form (a URI's password: high).</param>
/// <param name="AtAnchor">
/// A look at the text around one anchor occurrence (the text, the anchor's index) that rules the occurrence
/// out before any window is built or regex run; for anchors as common as <c>://</c>.
/// </param>
/// <param name="Leading">How far before an anchor a match may begin, when the format bounds it (a URI scheme).</param>
internal sealed record ProviderPattern(
    string Kind,
    string RuleId,
    string Provider,
    string EnvironmentName,
    string[] Anchors,
    string Pattern,
    Func<string, bool>? Validate = null,
    bool AnchorsIgnoreCase = false,
    bool MultiLine = false,
    bool JudgeRandomness = true,
    Func<string, bool>? Accept = null,
    bool Strict = true,
    Func<string, int, bool>? AtAnchor = null,
    int Leading = ProviderPattern.LeadingReach)
{
    private Regex? _regex;

    /// <summary>How far before an anchor a match may begin (keyword-led patterns start before the anchor only by a few characters).</summary>
    public const int LeadingReach = 320;

    /// <summary>How far after an anchor a match may end.</summary>
    public int TrailingReach => MultiLine ? 16_500 : 1_200;

    /// <summary>Interpreted (cheap to build, runs on short windows) and bounded by a timeout.</summary>
    public Regex Regex => _regex ??= new Regex(
        Pattern,
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | (MultiLine ? RegexOptions.Singleline : RegexOptions.None),
        TimeSpan.FromMilliseconds(200));
}
