using Portcullis.Analysis.Pipeline;
using Portcullis.Core;

namespace Portcullis.Analysis.Fixing;

/// <summary>
/// Applies every verified fix a file has, one at a time, re-scanning after each: later fixes see the
/// code the earlier ones left, so every fix that lands was verified against the code it changes.
/// </summary>
public static class VerifiedFixes
{
    /// <summary>Bound on rounds, so two fixes that undo each other cannot loop forever.</summary>
    private const int MaxRounds = 100;

    /// <summary>The code with all verified fixes applied, and how many were.</summary>
    public static (SourceText Fixed, int Applied) ApplyAll(ScanEngine engine, SourceText source)
    {
        var applied = 0;
        for (var round = 0; round < MaxRounds; round++)
        {
            var next = engine.Scan(source).Findings.FirstOrDefault(f => f.Fix is { Verified: true } && !f.Suppressed);
            if (next is null)
            {
                break;
            }
            source = new SourceText(source.Path, source.Language, next.Fix!.FixedCode);
            applied++;
        }
        return (source, applied);
    }
}
