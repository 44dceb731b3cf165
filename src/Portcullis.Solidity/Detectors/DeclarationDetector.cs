using Portcullis.Analysis;
using Portcullis.Solidity.Model;

namespace Portcullis.Solidity.Detectors;

/// <summary>
/// SWC-100: a function without visibility under a compiler that makes it public (before 0.5).
/// SWC-108: a state variable without visibility. SWC-109: a local storage reference declared without
/// a value (an explicit <c>storage</c> location, or before 0.5 a struct / array local with no location),
/// which points at slot 0 and overwrites the first state variables when written.
/// </summary>
internal static class DeclarationDetector
{
    public static void Run(ContractAnalysis analysis, AnalysisContext context)
    {
        var old = analysis.Source.CompilerMinimum < new Version(0, 5, 0);
        foreach (var function in analysis.Contract.Functions)
        {
            if (old && function.Kind == FunctionKind.Function && function.Visibility is null && analysis.Contract.Kind != ContractKind.Interface)
            {
                var name = function.Node.ChildByField("name") ?? function.Node;
                context.Report(SolidityRules.DefaultFunctionVisibility, name.StartByte, name.EndByte,
                    $"'{function.Name}' has no visibility and is therefore public: anyone can call it.");
            }
        }
        foreach (var variable in analysis.Contract.StateVariables.Values)
        {
            if (variable.Visibility is null && !variable.IsConstant)
            {
                var name = variable.Node.ChildByField("name") ?? variable.Node;
                context.Report(SolidityRules.DefaultStateVisibility, name.StartByte, name.EndByte,
                    $"State variable '{variable.Name}' has no explicit visibility (internal by default).");
            }
        }
        var structs = analysis.Source.Contracts.SelectMany(c => c.Body.NamedChildren).Where(n => n.Kind == "struct_declaration")
            .Select(n => n.ChildByField("name")?.Text).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var node in analysis.Contract.Body.Descendants())
        {
            if (node.Kind != "variable_declaration_statement" || node.ChildByField("value") is not null)
            {
                continue;
            }
            if (node.NamedChildren.FirstOrNull(c => c.Kind == "variable_declaration") is not { } declaration)
            {
                continue;
            }
            var location = declaration.ChildByField("location")?.Text;
            var type = declaration.ChildByField("type")?.Text ?? "";
            var reference = type.EndsWith(']') || structs.Contains(type) || type.StartsWith("mapping", StringComparison.Ordinal);
            if (location == "storage" || (old && location is null && reference))
            {
                context.Report(SolidityRules.UninitializedStoragePointer, node.StartByte, node.EndByte,
                    $"'{node.Text.Trim()}' is a storage reference with no value: it points at slot 0 and writing through it overwrites state.");
            }
        }
    }
}
