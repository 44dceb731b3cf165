using Portcullis.Core;
using Portcullis.Syntax;

namespace Portcullis.Analysis.Fixing.Rewrites;

/// <summary>
/// Data that is run as code or unpickled is parsed as data instead: Python <c>eval(x)</c> becomes
/// <c>ast.literal_eval(x)</c> (literals only: numbers, strings, lists, dicts), <c>pickle.loads(x)</c>
/// / <c>pickle.load(f)</c> become <c>json.loads</c> / <c>json.load</c>; JavaScript <c>eval(x)</c>
/// becomes <c>JSON.parse(x)</c>. Only the callee changes. <c>exec</c>, <c>new Function</c> and
/// evaluation with extra arguments (globals, locals) run code on purpose: no data parser replaces
/// them, so no fix is offered.
/// </summary>
internal sealed class DataParserRewrite : ICodeRewrite
{
    private static readonly HashSet<string> PickleModules = new(StringComparer.Ordinal) { "pickle", "cPickle", "_pickle" };

    public string Name => "parse-data";

    public FixProposal? Propose(SyntaxNode focus, string description)
    {
        if (focus.Parent is not { Kind: "argument_list" or "arguments" } arguments || arguments.Parent is not { Kind: "call" or "call_expression" } call
            || arguments.NamedChildren.Count(c => !c.IsExtra) != 1 || call.ChildByField("function") is not { } callee)
        {
            return null;
        }
        var language = call.Tree.Grammar.Id;
        var (replacement, module) = (language, callee.Text) switch
        {
            ("python", "eval") => ("ast.literal_eval", "ast"),
            ("python", _) when PickleCall(callee) is { } function => ("json." + function, "json"),
            ("javascript" or "typescript" or "tsx", "eval") => ("JSON.parse", null),
            _ => (null, null),
        };
        if (replacement is null)
        {
            return null;
        }
        var edits = new List<TextEdit> { new(callee.StartByte, callee.EndByte, replacement) };
        if (module is not null && ImportInsertion.Ensure(call.Tree, module) is { } import)
        {
            edits.Add(import);
        }
        return new FixProposal(description, edits);
    }

    /// <summary>"loads" or "load" when the callee is the pickle module's function of that name.</summary>
    private static string? PickleCall(SyntaxNode callee) =>
        callee.Kind == "attribute"
        && callee.ChildByField("object")?.Text is { } module && PickleModules.Contains(module)
        && callee.ChildByField("attribute")?.Text is "loads" or "load"
            ? callee.ChildByField("attribute")!.Value.Text
            : null;
}
