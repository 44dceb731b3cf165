using Portcullis.Analysis;
using Portcullis.Core;
using Portcullis.Solidity.Model;

namespace Portcullis.Solidity.Detectors;

/// <summary>SWC-103: a floating pragma; the fix pins the lowest version the pragma admits.</summary>
internal static class FileDetectors
{
    public static void Run(SourceModel source, AnalysisContext context)
    {
        if (source.Pragma is not { Floating: true } pragma)
        {
            return;
        }
        var v = pragma.Minimum;
        var pinned = $"pragma solidity {v.Major}.{v.Minor}.{Math.Max(v.Build, 0)};";
        context.Report(SolidityRules.FloatingPragma, pragma.StartByte, pragma.EndByte,
            $"'pragma solidity {pragma.Constraint}' admits several compilers: pin the one the contract is tested with.",
            proposal: new FixProposal($"Pin the compiler version ({pinned}).", [new TextEdit(pragma.StartByte, pragma.EndByte, pinned)]));
    }
}
