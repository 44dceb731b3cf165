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
    /// <summary>The contract detectors in the order they run; the latency benchmark times each of them from this list.</summary>
    internal static readonly IReadOnlyList<(string Name, Action<ContractAnalysis, AnalysisContext> Run)> ContractDetectors =
    [
        ("reentrancy", ReentrancyDetector.Run),
        ("arithmetic", ArithmeticDetector.Run),
        ("call-result", CallResultDetector.Run),
        ("access", AccessDetector.Run),
        ("block-value", BlockValueDetector.Run),
        ("declaration", DeclarationDetector.Run),
        ("denial-of-service", DenialOfServiceDetector.Run),
        ("signature", SignatureDetector.Run),
    ];

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
            foreach (var (_, run) in ContractDetectors)
            {
                run(analysis, context);
            }
        }
    }
}
