using Portcullis.Analysis;
using Portcullis.Core;
using Portcullis.Secrets.Detection;
using Portcullis.Syntax;

namespace Portcullis.Secrets;

/// <summary>
/// Hardcoded credentials in any submission, whatever its language (code, config, notebooks, prompts):
/// provider formats in the raw text (comments and config included), the same formats after folding
/// concatenations and decoding, and secret-named assignments in every language's forms. Each finding
/// carries only the masked value; a literal in a parsed language gets a fix that reads the value from
/// the environment instead, and a value in configuration, a script or plain text a reference to one.
/// </summary>
public sealed class SecretsAnalyzer(SecretMasker? masker = null) : IAnalyzer
{
    private readonly SecretMasker _masker = masker ?? SecretMasker.FromEnvironment();

    public string Name => "secrets";

    public IReadOnlyList<RuleDescriptor> Rules { get; } = [.. SecretRules.ById.Values];

    public bool AppliesTo(string language) => true;

    public void Analyze(AnalysisContext context)
    {
        var source = context.Source;
        var candidates = Find(source.Text, source.Language, out var incomplete, context.CancellationToken);
        foreach (var candidate in candidates)
        {
            var (startByte, endByte) = ByteRange(source, candidate.Start, candidate.End);
            var masked = _masker.Mask(candidate.Value);
            var proposal = candidate.Severity < Severity.High ? null
                : (context.Tree is { } tree ? EnvironmentLookupFix.Propose(tree, startByte, endByte, candidate.Name, candidate.EnvironmentName) : null)
                    ?? PlaceholderFix.Propose(source, candidate.Start, startByte, endByte, candidate.Name, candidate.EnvironmentName);
            var message = candidate.RuleId == UnnamedLiteralScanner.RuleId
                ? $"High-entropy string with nothing naming it {masked}: if it is a credential, keep it out of the text and load it from a secret manager."
                : candidate.Severity == Severity.Low && candidate.Kind.EndsWith("(filled)", StringComparison.Ordinal)
                ? $"{candidate.Provider} token shape with a filled body ({candidate.Kind}) {masked}: a dummy or a redacted key; if a real key was here, rotate it."
                : candidate.Severity == Severity.Low
                ? $"{candidate.Provider} documentation example ({candidate.Kind}) {masked}: not a live credential, but replace it before real use."
                : $"Hardcoded {candidate.Provider} credential ({candidate.Kind}) {masked}: load it from the environment or a secret manager.";
            var rule = SecretRules.ById[candidate.RuleId];
            context.ReportSecret(rule with { Confidence = candidate.Confidence }, startByte, endByte, masked, message, proposal, candidate.Severity);
        }
        if (incomplete)
        {
            context.Report(SecretRules.ById[SecretRules.IncompleteId], 0, 0, snippet: "");
        }
    }

    /// <summary>Every credential in a text, overlaps resolved in favour of the most specific detection.</summary>
    internal static List<SecretCandidate> Find(string text, string language, out bool incomplete, CancellationToken cancellationToken = default)
    {
        incomplete = false;
        var all = ProviderScanner.Default.Scan(text, ref incomplete, cancellationToken);
        all.AddRange(LiteralFolding.Scan(text, ProviderScanner.Default, ref incomplete, cancellationToken));
        all.AddRange(GenericScanner.Scan(text, language == LanguageIds.Text ? LanguageIds.Text : language, ref incomplete, cancellationToken));
        if (language == LanguageIds.Text)
        {
            all.AddRange(UnnamedLiteralScanner.Scan(text));
        }
        var kept = new List<SecretCandidate>();
        foreach (var candidate in all.OrderBy(c => c.Origin).ThenByDescending(c => c.Severity).ThenByDescending(c => c.End - c.Start))
        {
            if (!kept.Any(k => k.Overlaps(candidate)))
            {
                kept.Add(candidate);
            }
        }
        kept.Sort((a, b) => a.Start.CompareTo(b.Start));
        return kept;
    }

    private static (int Start, int End) ByteRange(SourceText source, int start, int end)
    {
        if (source.Utf8.Length == source.Text.Length)
        {
            return (start, end);
        }
        var startByte = System.Text.Encoding.UTF8.GetByteCount(source.Text.AsSpan(0, start));
        return (startByte, startByte + System.Text.Encoding.UTF8.GetByteCount(source.Text.AsSpan(start, end - start)));
    }
}
