using Portcullis.Core;

namespace Portcullis.Analysis;

/// <summary>
/// A detector written in C#, for what patterns cannot say: secrets (entropy, checksums), Solidity
/// (call order along paths), manifests. It reads the one parsed tree (or only the text, for languages
/// without a grammar) and reports findings through the context; it never reads files or parses again.
/// </summary>
public interface IAnalyzer
{
    /// <summary>Stable name, used in error messages and timings.</summary>
    string Name { get; }

    /// <summary>The rules this analyzer can report, for the catalogue and SARIF.</summary>
    IReadOnlyList<RuleDescriptor> Rules { get; }

    /// <summary>True when this analyzer has anything to say about a language id (see LanguageIds).</summary>
    bool AppliesTo(string language);

    void Analyze(AnalysisContext context);
}
