using Portcullis.Syntax;

namespace Portcullis.Solidity.Model;

/// <summary>Builds the <see cref="SourceModel"/> of a tree-sitter-solidity tree: one pass over the declarations.</summary>
internal static class ModelBuilder
{
    public static SourceModel Build(SyntaxTree tree)
    {
        PragmaRange? pragma = null;
        var contracts = new List<ContractModel>();
        foreach (var node in tree.Root.NamedChildren)
        {
            switch (node.Kind)
            {
                case "pragma_directive" when pragma is null && node.NamedChildren.FirstOrDefault(c => c.Kind == "solidity_pragma_token") is { Kind: "solidity_pragma_token" } token:
                    var text = token.Text;
                    var constraint = text.StartsWith("solidity", StringComparison.Ordinal) ? text["solidity".Length..] : text;
                    pragma = PragmaRange.Parse(constraint, node.StartByte, node.EndByte);
                    break;
                case "contract_declaration":
                    contracts.Add(Contract(node, ContractKind.Contract));
                    break;
                case "interface_declaration":
                    contracts.Add(Contract(node, ContractKind.Interface));
                    break;
                case "library_declaration":
                    contracts.Add(Contract(node, ContractKind.Library));
                    break;
            }
        }
        return new SourceModel(tree, pragma, contracts);
    }

    private static ContractModel Contract(SyntaxNode node, ContractKind kind)
    {
        var name = node.ChildByField("name")?.Text ?? "";
        var body = node.ChildByField("body") ?? node;
        var bases = node.NamedChildren.Where(c => c.Kind == "inheritance_specifier")
            .Select(c => c.ChildByField("ancestor")?.Text ?? "").Where(b => b.Length > 0).ToList();
        var state = new Dictionary<string, StateVariable>(StringComparer.Ordinal);
        var functions = new List<FunctionModel>();
        var modifiers = new Dictionary<string, ModifierModel>(StringComparer.Ordinal);
        var contract = new ContractModel(name, kind, node, body, bases, state, functions, modifiers);
        foreach (var member in body.NamedChildren)
        {
            switch (member.Kind)
            {
                case "state_variable_declaration":
                    var variable = StateVariable(member);
                    state[variable.Name] = variable;
                    break;
                case "function_definition":
                case "constructor_definition":
                case "fallback_receive_definition":
                    functions.Add(Function(member, contract));
                    break;
                case "modifier_definition":
                    var modifierName = member.ChildByField("name")?.Text ?? "";
                    modifiers[modifierName] = new ModifierModel(modifierName, member, member.ChildByField("body"),
                        member.NamedChildren.Where(c => c.Kind == "parameter").Select(p => p.ChildByField("name")?.Text ?? "").ToList());
                    break;
            }
        }
        return contract;
    }

    private static StateVariable StateVariable(SyntaxNode node)
    {
        var isConstant = node.Children.Any(c => c.Kind is "constant" or "immutable");
        return new StateVariable(
            node.ChildByField("name")?.Text ?? "",
            node.ChildByField("type")?.Text ?? "",
            node.ChildByField("visibility")?.Text,
            isConstant,
            node,
            node.ChildByField("value") is { } value ? SolidityNodes.Unwrap(value) : null);
    }

    private static FunctionModel Function(SyntaxNode node, ContractModel contract)
    {
        var kind = node.Kind switch
        {
            "constructor_definition" => FunctionKind.Constructor,
            "fallback_receive_definition" => node.Children.Any(c => c.Kind == "receive") ? FunctionKind.Receive : FunctionKind.Fallback,
            _ => FunctionKind.Function,
        };
        var name = node.ChildByField("name")?.Text ?? kind.ToString().ToLowerInvariant();
        // Before 0.4.22 a constructor was the function named like its contract.
        if (kind == FunctionKind.Function && name == contract.Name)
        {
            kind = FunctionKind.Constructor;
        }
        string? visibility = null;
        string? mutability = null;
        var modifiers = new List<ModifierUse>();
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var child in node.Children)
        {
            switch (child.Kind)
            {
                case "visibility":
                case "public" or "external" or "internal" or "private" when !child.IsNamed:
                    visibility = child.Text;
                    break;
                case "state_mutability":
                case "payable" or "view" or "pure" or "constant" when !child.IsNamed:
                    mutability = child.Text;
                    break;
                case "modifier_invocation":
                    var invoked = child.NamedChildren.FirstOrNull();
                    modifiers.Add(new ModifierUse(invoked is { Kind: "identifier" or "user_defined_type" } i ? i.Text : child.Text, child,
                        child.NamedChildren.Where(c => c.Kind == "call_argument").Select(SolidityNodes.Unwrap).ToList()));
                    break;
                case "parameter":
                    if (child.ChildByField("name") is { } parameterName)
                    {
                        parameters[parameterName.Text] = child.ChildByField("type")?.Text ?? "";
                    }
                    break;
            }
        }
        return new FunctionModel(name, kind, node, node.ChildByField("body"), visibility, mutability, modifiers, parameters, contract);
    }
}
