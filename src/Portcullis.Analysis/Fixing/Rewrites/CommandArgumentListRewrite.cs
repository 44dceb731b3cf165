using Portcullis.Core;
using Portcullis.Syntax;

namespace Portcullis.Analysis.Fixing.Rewrites;

/// <summary>
/// Python: <c>subprocess.run("ping -c 1 " + host, shell=True)</c> becomes
/// <c>subprocess.run(["ping", "-c", "1", host])</c>, <c>os.system("tar czf out.tgz " + name)</c>
/// becomes <c>subprocess.run(["tar", "czf", "out.tgz", name], check=True)</c> and
/// <c>os.popen("ps -p %d" % pid).read()</c> becomes <c>subprocess.run(["ps", "-p", str(pid)],
/// stdout=subprocess.PIPE, text=True).stdout</c> (with <c>import subprocess</c> added when missing): no
/// shell parses the values, so they cannot add commands. A command kept in a variable assigned once and run by
/// <c>subprocess</c> is followed to its assignment, which becomes the list. Only when the command is a fixed program followed
/// by words and whole values (<see cref="PythonShellWords"/>): shell syntax in the text means the shell
/// was doing work the list cannot, and no fix is offered.
/// </summary>
internal sealed class CommandArgumentListRewrite : ICodeRewrite
{
    private const string Captured = "stdout=subprocess.PIPE, text=True";

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
        if (built is not { } command || BuiltString.Decompose(command) is not { } parts || PythonShellWords.ArgumentList(parts) is not { } list)
        {
            return null;
        }
        // The list goes where the string was built: in the call, or at the variable's one assignment.
        var edits = new List<TextEdit> { new(command.StartByte, command.EndByte, list) };
        if (function.StartsWith("subprocess.", StringComparison.Ordinal))
        {
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
        // A command kept in a variable: its one assignment builds the list, the call passes the variable
        // (the command rules read a list's first element as the program, also through a variable).
        var passed = command == focus ? list : focus.Text;
        var rest = arguments.NamedChildren.Where(c => !c.IsExtra).Skip(1).ToList();
        var replaced = function switch
        {
            // os.system's status was ignored: check=True makes a failing command raise instead.
            "os.system" when rest.Count == 0 && call.Parent is { Kind: "expression_statement" } => (Node: call, Text: $"subprocess.run({passed}, check=True)"),
            "os.system" when rest.Count == 0 => (Node: call, Text: $"subprocess.run({passed}).returncode"),
            "os.popen" when rest.Count == 0 || rest is [{ Text: "'r'" or "\"r\"" }] => PopenReplacement(call, passed),
            _ => default,
        };
        if (replaced.Text is null)
        {
            return null;
        }
        if (command == focus)
        {
            edits.Clear();
        }
        edits.Add(new TextEdit(replaced.Node.StartByte, replaced.Node.EndByte, replaced.Text));
        if (ImportInsertion.Ensure(call.Tree, "subprocess") is { } import)
        {
            edits.Add(import);
        }
        return new FixProposal(description, edits);
    }

    /// <summary>
    /// What stands for <c>os.popen(cmd)</c>: its output read whole (<c>.read()</c>, <c>.readlines()</c>)
    /// becomes <c>subprocess.run</c>'s captured output; read as a file (<c>with</c>, <c>for</c>) it
    /// becomes a <c>Popen</c>'s stdout pipe. Anything else (closing it for the exit status) has no
    /// exact counterpart.
    /// </summary>
    private static (SyntaxNode Node, string? Text) PopenReplacement(SyntaxNode call, string list)
    {
        if (call.Parent is { Kind: "attribute" } attribute && attribute.ChildByField("object") == call
            && attribute.Parent is { Kind: "call" } read && read.ChildByField("arguments") is { } readArguments
            && !readArguments.NamedChildren.Any(c => !c.IsExtra))
        {
            var output = $"subprocess.run({list}, {Captured}).stdout";
            return attribute.ChildByField("attribute")?.Text switch
            {
                "read" => (read, output),
                "readlines" => (read, output + ".splitlines(keepends=True)"),
                _ => (call, null),
            };
        }
        var readAsFile = call.Parent is { Kind: "as_pattern" } pattern && pattern.Parent is { Kind: "with_item" } && pattern.NamedChildren.FirstOrNull() == call
            || call.Parent is { Kind: "with_item" }
            || call.Parent is { Kind: "for_statement" } loop && loop.ChildByField("right") == call;
        return readAsFile ? (call, $"subprocess.Popen({list}, {Captured}).stdout") : (call, null);
    }
}
