using Portcullis.Analysis;
using Portcullis.Core;
using Portcullis.Solidity.Detectors;
using Portcullis.Solidity.Model;

namespace Portcullis.Solidity;

/// <summary>
/// The Solidity analyzer: builds the source model from the tree-sitter-solidity tree, walks the paths of
/// every function of every contract, and runs the SWC detectors on what the walk found. Public because
/// the CLI assembly (named portcullis) is not among the friends of this one.
/// </summary>
public sealed class SolidityAnalyzer : IAnalyzer
{
    public string Name => "solidity";

    public IReadOnlyList<RuleDescriptor> Rules => SolidityRules.All;

    public bool AppliesTo(string language) => language == "solidity";

    public void Analyze(AnalysisContext context)
    {
        if (context.Tree is not { } tree)
        {
            return;
        }
        var source = ModelBuilder.Build(tree);
        FileDetectors.Run(source, context);
        foreach (var contract in source.Contracts)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (contract.Kind == ContractKind.Interface)
            {
                continue;
            }
            var analysis = ContractAnalysis.Create(source, contract);
            ReentrancyDetector.Run(analysis, context);
            ArithmeticDetector.Run(analysis, context);
            CallResultDetector.Run(analysis, context);
            AccessDetector.Run(analysis, context);
            BlockValueDetector.Run(analysis, context);
            DeclarationDetector.Run(analysis, context);
            DenialOfServiceDetector.Run(analysis, context);
            SignatureDetector.Run(analysis, context);
        }
    }
}
