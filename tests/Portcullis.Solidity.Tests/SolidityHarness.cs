using Portcullis.Analysis;
using Portcullis.Analysis.Pipeline;
using Portcullis.Core;
using Portcullis.Syntax;

namespace Portcullis.Solidity.Tests;

/// <summary>Runs the Solidity analyzer on source text: directly (exceptions surface) or through the real scan engine (fixes verified).</summary>
internal static class SolidityHarness
{
    private static readonly ScanEngine Engine = new([new SolidityAnalyzer()]);

    /// <summary>The analyzer alone on a real tree-sitter tree; an exception fails the test.</summary>
    public static IReadOnlyList<Finding> Analyze(string code)
    {
        var source = new SourceText("contract.sol", "solidity", code);
        var grammar = LanguageIds.GrammarFor("solidity", code)!;
        var tree = SyntaxParser.Parse(source, grammar, ParseLimits.Default);
        var context = new AnalysisContext(source, tree);
        new SolidityAnalyzer().Analyze(context);
        return context.Findings;
    }

    /// <summary>The full pipeline: findings with their fixes verified by re-parsing and re-scanning.</summary>
    public static FileScanResult Scan(string code)
    {
        var result = Engine.Scan(new SourceText("contract.sol", "solidity", code));
        Assert.Null(result.Error);
        return result;
    }

    public static IReadOnlyList<string> Rules(string code) => [.. Analyze(code).Select(f => f.RuleId)];

    public static string Contract(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Contracts", name));
}
