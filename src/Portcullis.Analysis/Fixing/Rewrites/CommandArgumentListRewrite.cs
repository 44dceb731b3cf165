using Portcullis.Core;
using Portcullis.Syntax;

namespace Portcullis.Analysis.Fixing.Rewrites;

/// <summary>
/// Python: <c>subprocess.run("ping -c 1 " + host, shell=True)</c> becomes
/// <c>subprocess.run(["ping", "-c", "1", host])</c>, and <c>os.system("tar czf out.tgz " + name)</c>
/// becomes <c>subprocess.run(["tar", "czf", "out.tgz", name])</c> (with <c>import subprocess</c> added
/// when missing): no shell parses the values, so they cannot add commands. Only when the command is
/// a fixed program followed by words and whole values — any shell syntax in the text (pipes,
/// redirections, quotes, variables, globs) means the shell was doing work the list cannot, and no fix
/// is offered.
/// </summary>
internal sealed class CommandArgumentListRewrite : ICodeRewrite
{
    private static readonly char[] ShellSyntax = ['|', '&', ';', '<', '>', '(', ')', '$', '`', '\\', '"', '\'', '*', '?', '[', ']', '{', '}', '~', '#', '!', '\n', '\t'];

    public string Name => "command-argument-list";

    public FixProposal? Propose(SyntaxNode focus, string description)
    {
        if (focus.Tree.Grammar.Id != "python" || focus.Parent is not { Kind: "argument_list" } arguments
            || arguments.Parent is not { Kind: "call" } call || call.ChildByField("function")?.Text is not { } function
            || arguments.NamedChildren.FirstOrNull(c => !c.IsExtra) != focus)
        {
            return null;
        }
        var built = focus.Kind == "identifier" ? SingleAssignment.ValueOf(focus) : focus;
        if (built is not { } command || BuiltString.Decompose(command) is not { } parts || ArgumentList(parts) is not { } list)
        {
            return null;
        }
        if (function.StartsWith("subprocess.", StringComparison.Ordinal))
        {
            var edits = new List<TextEdit> { new(command.StartByte, command.EndByte, list) };
            if (arguments.NamedChildren.FirstOrNull(a => a.Kind == "keyword_argument" && a.ChildByField("name")?.Text == "shell") is { } shell)
            {
                if (shell.ChildByField("value")?.Text != "True")
                {
                    return null;
                }
                var previous = arguments.Children.Where(c => c.EndByte <= shell.StartByte && c.Text == ",").LastOrNull();
                edits.Add(new TextEdit(previous?.StartByte ?? shell.StartByte, shell.EndByte, ""));
            }
            return new FixProposal(description, edits);
        }
        if (function == "os.system" && command == focus)
        {
            var statementAlone = call.Parent is { Kind: "expression_statement" };
            var replacement = $"subprocess.run({list}){(statementAlone ? "" : ".returncode")}";
            var edits = new List<TextEdit> { new(call.StartByte, call.EndByte, replacement) };
            if (ImportInsertion.Ensure(call.Tree, "subprocess") is { } import)
            {
                edits.Add(import);
            }
            return new FixProposal(description, edits);
        }
        return null;
    }

    /// <summary>The command as a Python list literal, or null when the text needs a shell.</summary>
    private static string? ArgumentList(IReadOnlyList<StringPart> parts)
    {
        var words = new List<string>();
        for (var i = 0; i < parts.Count; i++)
        {
            var part = parts[i];
            if (part.IsLiteral)
            {
                if (part.Literal!.IndexOfAny(ShellSyntax) >= 0)
                {
                    return null;
                }
                words.AddRange(part.Literal.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => $"\"{w}\""));
                continue;
            }
            // A value must be a whole word: glued to text, the shell would have joined them.
            var gluedBefore = i > 0 && parts[i - 1].Literal?.EndsWith(' ') != true;
            var gluedAfter = i + 1 < parts.Count && parts[i + 1].Literal?.StartsWith(' ') != true;
            if (i == 0 || gluedBefore || gluedAfter)
            {
                return null;
            }
            var text = part.Expression!.Value.Text;
            words.Add(part.Formatted ? $"str({text})" : text);
        }
        return words.Count == 0 ? null : $"[{string.Join(", ", words)}]";
    }
}
