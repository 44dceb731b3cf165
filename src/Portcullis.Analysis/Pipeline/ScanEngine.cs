using System.Diagnostics;
using Portcullis.Analysis.Dataflow;
using Portcullis.Analysis.Fixing;
using Portcullis.Core;
using Portcullis.Syntax;

namespace Portcullis.Analysis.Pipeline;

/// <summary>
/// The pipeline for one source: Parse → Detect → suppressions → Fix. The tree is parsed once and
/// shared by every analyzer. Nothing here throws for bad input: limits and unknown languages come back
/// as a <see cref="FileScanResult.Error"/>, which the verdict treats as a block.
/// </summary>
public sealed class ScanEngine
{
    private readonly IReadOnlyList<IAnalyzer> _analyzers;
    private readonly ParseLimits _limits;
    private readonly TimeProvider _time;
    private readonly FixVerifier _fixVerifier;

    public ScanEngine(IReadOnlyList<IAnalyzer> analyzers, ParseLimits? limits = null, TimeProvider? time = null)
    {
        _analyzers = analyzers;
        _limits = limits ?? ParseLimits.Default;
        _time = time ?? TimeProvider.System;
        _fixVerifier = new FixVerifier(source =>
        {
            var (tree, findings) = Detect(source, null, CancellationToken.None);
            return (tree?.ErrorCount ?? 0, findings);
        });
    }

    public IReadOnlyList<IAnalyzer> Analyzers => _analyzers;

    /// <summary>Every rule any analyzer can report, for the catalogue and SARIF.</summary>
    public IEnumerable<RuleDescriptor> Rules => _analyzers.SelectMany(a => a.Rules);

    /// <param name="verifyFixes">False skips the fix stage (corpus runs that only count findings).</param>
    public FileScanResult Scan(SourceText source, bool verifyFixes = true, CancellationToken cancellationToken = default) =>
        Scan(source, project: null, verifyFixes, cancellationToken);

    /// <summary>
    /// Scans one file of a project: <paramref name="project"/> holds the project's other files, whose
    /// classes, modules and .properties values the dataflow follows. Null scans the file alone.
    /// </summary>
    public FileScanResult Scan(SourceText source, ProjectContext? project, bool verifyFixes = true, CancellationToken cancellationToken = default)
    {
        var stopwatch = Stopwatch.StartNew();
        try
        {
            var (tree, findings) = Detect(source, project, cancellationToken);
            // Fixed code is re-scanned in the same project, so a fix is judged by the findings the scan gave.
            var fixVerifier = project is null ? _fixVerifier : new FixVerifier(fixedSource =>
            {
                var (fixedTree, fixedFindings) = Detect(fixedSource, project, CancellationToken.None);
                return (fixedTree?.ErrorCount ?? 0, fixedFindings);
            });
            findings = InlineSuppressions.Apply(findings, source, DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime));
            if (verifyFixes)
            {
                findings = findings.Select(f => f.Proposal is null || f.Suppressed
                    ? f
                    : f with { Fix = fixVerifier.Verify(f, source, tree?.ErrorCount ?? 0, findings) }).ToList();
            }
            var ordered = findings.OrderBy(f => f.Span.StartByte).ThenBy(f => f.RuleId, StringComparer.Ordinal).ToList();
            return new FileScanResult(source.Path, source.Language, ordered, null, stopwatch.Elapsed);
        }
        catch (ParseLimitException e)
        {
            return new FileScanResult(source.Path, source.Language, [], e.Message, stopwatch.Elapsed);
        }
        catch (OperationCanceledException)
        {
            return new FileScanResult(source.Path, source.Language, [], $"{source.Path}: analysis was cancelled before it finished", stopwatch.Elapsed);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A detector that fails must not turn into an allow: the file is reported as not analysed.
            return new FileScanResult(source.Path, source.Language, [], $"{source.Path}: internal error during analysis: {e.GetType().Name}: {e.Message}", stopwatch.Elapsed);
        }
    }

    private (SyntaxTree? Tree, IReadOnlyList<Finding> Findings) Detect(SourceText source, ProjectContext? project, CancellationToken cancellationToken)
    {
        var grammar = LanguageIds.GrammarFor(source.Language, source.Text);
        var tree = grammar is null ? null : SyntaxParser.Parse(source, grammar, _limits);
        var context = new AnalysisContext(source, tree, cancellationToken, project);
        foreach (var analyzer in _analyzers)
        {
            if (analyzer.AppliesTo(source.Language))
            {
                analyzer.Analyze(context);
            }
        }
        return (tree, context.Findings);
    }
}
