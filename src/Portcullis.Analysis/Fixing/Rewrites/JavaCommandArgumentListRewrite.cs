using Portcullis.Core;
using Portcullis.Syntax;

namespace Portcullis.Analysis.Fixing.Rewrites;

/// <summary>
/// Java: a command line built from strings becomes a <c>ProcessBuilder</c> with one argument per word,
/// so a value is always exactly one argument of a fixed program:
/// <list type="bullet">
/// <item><c>Runtime.getRuntime().exec("kill " + pid)</c> (exec splits the text at white space, no
/// shell) becomes <c>new ProcessBuilder("kill", String.valueOf(pid)).start()</c>; a working directory
/// passed with a null environment moves to <c>.directory(dir)</c>.</item>
/// <item>A shell wrapper — <c>exec(new String[] {"sh", "-c", "ls " + dir})</c>,
/// <c>new ProcessBuilder("sh", "-c", "ls " + dir)</c> — runs the program directly:
/// <c>new ProcessBuilder("ls", dir)</c>. Only when the command text is plain words and whole values:
/// any shell syntax in it (pipes, redirections, quotes, variables, globs) means the shell was doing work
/// an argument list cannot.</item>
/// </list>
/// No fix when the program itself is not a literal, or a value is glued to other text.
/// </summary>
internal sealed class JavaCommandArgumentListRewrite : ICodeRewrite
{
    /// <summary>POSIX shells, whose <c>-c</c> text this rewrite can read as words (cmd.exe and PowerShell
    /// quote and escape differently: their wrappers get no fix).</summary>
    private static readonly HashSet<string> PosixShells = new(StringComparer.Ordinal)
    {
        "sh", "bash", "zsh", "dash", "ksh", "/bin/sh", "/bin/bash", "/usr/bin/sh", "/usr/bin/bash", "/bin/zsh", "/bin/dash",
    };

    /// <summary>Characters that make sh do more than split words (quotes included: this rewrite does not
    /// read quoting, so quoted text gets no fix).</summary>
    private const string ShellSyntax = "|&;<>()$`\\\"'*?[]{}~#!\n\r\t";

    public string Name => "java-command-argument-list";

    public FixProposal? Propose(SyntaxNode focus, string description)
    {
        if (focus.Tree.Grammar.Id != "java" || focus.Parent is not { Kind: "argument_list" } arguments || arguments.Parent is not { } call)
        {
            return null;
        }
        return call.Kind switch
        {
            "method_invocation" when call.ChildByField("name")?.Text == "exec" => RuntimeExec(call, focus, description),
            "object_creation_expression" when JavaCode.IsCreation(call, "java.lang.ProcessBuilder") => ShellProcessBuilder(call, focus, description),
            _ => null,
        };
    }

    /// <summary><c>runtime.exec(command[, null[, dir]])</c> with the command text or a shell wrapper array.</summary>
    private static FixProposal? RuntimeExec(SyntaxNode call, SyntaxNode focus, string description)
    {
        var arguments = JavaCode.Arguments(call);
        if (arguments[0] != focus || arguments.Count > 3 || arguments.Count >= 2 && arguments[1].Kind != "null_literal"
            || call.ChildByField("object") is not { } runtime || !IsRuntime(runtime))
        {
            return null;
        }
        var value = focus.Kind == "identifier" ? SingleAssignment.ValueOf(focus) : focus;
        if (value is not { } command)
        {
            return null;
        }
        List<string>? words;
        IReadOnlyList<StringPart>? parts;
        if (ArrayElements(command) is { } elements)
        {
            parts = ShellCommand(elements);
            words = parts is null ? null : Words(parts, shellParsed: true);
        }
        else
        {
            parts = BuiltString.Decompose(command);
            words = parts is null ? null : Words(parts, shellParsed: false);
        }
        if (words is null || parts is null)
        {
            return null;
        }
        var directory = arguments.Count == 3 ? $".directory({arguments[2].Text})" : "";
        var builder = $"new ProcessBuilder({string.Join(", ", words)})";
        if (command != focus && OnlyUseIsTheCall(focus, command) is { } declaration)
        {
            // The variable held the command line only to run it: it holds the process builder instead,
            // built where the values were read.
            return new FixProposal(description,
            [
                new TextEdit(declaration.StartByte, declaration.EndByte, "ProcessBuilder"),
                new TextEdit(command.StartByte, command.EndByte, builder),
                new TextEdit(call.StartByte, call.EndByte, $"{focus.Text}{directory}.start()"),
            ]);
        }
        if (command != focus && !SameValuesAt(parts, command, call))
        {
            return null;
        }
        return new FixProposal(description, [new TextEdit(call.StartByte, call.EndByte, $"{builder}{directory}.start()")]);
    }

    /// <summary>The type node of <c>String name = command;</c> when the call is the variable's only other use.</summary>
    private static SyntaxNode? OnlyUseIsTheCall(SyntaxNode variable, SyntaxNode command)
    {
        if (command.Parent is not { Kind: "variable_declarator" } declarator
            || declarator.Parent is not { Kind: "local_variable_declaration" } declaration
            || declaration.NamedChildren.Count(c => c.Kind == "variable_declarator") != 1
            || declaration.ChildByField("type") is not { Text: "String" or "java.lang.String" } type)
        {
            return null;
        }
        // Outside a method (a fragment of code), every use in the file counts.
        var scope = JavaCode.EnclosingBody(variable) ?? variable.Tree.Root;
        var uses = scope.Descendants().Count(d => d.Kind == "identifier" && d.Text == variable.Text);
        return uses == 2 ? type : null;
    }

    /// <summary><c>new ProcessBuilder("sh", "-c", text)</c>: the program in the text is run directly.</summary>
    private static FixProposal? ShellProcessBuilder(SyntaxNode creation, SyntaxNode focus, string description)
    {
        var arguments = JavaCode.Arguments(creation);
        if (arguments.Count != 3 || arguments[2] != focus || ShellCommand(arguments) is not { } parts
            || Words(parts, shellParsed: true) is not { } words || creation.ChildByField("arguments") is not { } list)
        {
            return null;
        }
        return new FixProposal(description, [new TextEdit(list.StartByte, list.EndByte, $"({string.Join(", ", words)})")]);
    }

    private static bool IsRuntime(SyntaxNode receiver) =>
        receiver.Text is "Runtime.getRuntime()" or "java.lang.Runtime.getRuntime()"
        || receiver.Kind == "identifier" && JavaCode.EnclosingBody(receiver) is { } body
            && JavaCode.LocalDeclarationType(body, receiver.Text)?.Text is "Runtime" or "java.lang.Runtime";

    /// <summary>The elements of <c>new String[] {...}</c> or of a <c>{...}</c> initializer.</summary>
    private static IReadOnlyList<SyntaxNode>? ArrayElements(SyntaxNode node)
    {
        var initializer = node.Kind switch
        {
            "array_initializer" => node,
            "array_creation_expression" => node.ChildByField("value"),
            _ => null,
        };
        return initializer?.NamedChildren.Where(c => !c.IsExtra).ToList();
    }

    /// <summary>The command text of a shell wrapper (<c>"sh", "-c", text</c>), taken apart.</summary>
    private static IReadOnlyList<StringPart>? ShellCommand(IReadOnlyList<SyntaxNode> elements) =>
        elements is [{ Kind: "string_literal" } shell, { Kind: "string_literal" } flag, var text]
            && PosixShells.Contains(shell.Text.Trim('"')) && flag.Text == "\"-c\""
            ? BuiltString.Decompose(text)
            : null;

    /// <summary>
    /// The arguments of the command, one per word: literal words as string literals, values whole.
    /// Null when the program is not a literal or a shell, a value is glued to text, or (when a shell
    /// parsed the text) the text holds shell syntax.
    /// </summary>
    private static List<string>? Words(IReadOnlyList<StringPart> parts, bool shellParsed)
    {
        var words = new List<string>();
        for (var i = 0; i < parts.Count; i++)
        {
            var part = parts[i];
            if (part.IsLiteral)
            {
                // exec(String) splits at white space only; escapes (\t, \") would need reading first.
                if (part.Literal!.Contains('\\', StringComparison.Ordinal)
                    || shellParsed && part.Literal.IndexOfAny(ShellSyntax.ToCharArray()) >= 0)
                {
                    return null;
                }
                words.AddRange(part.Literal.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => $"\"{w}\""));
                continue;
            }
            var gluedBefore = i > 0 && parts[i - 1].Literal?.EndsWith(' ') != true;
            var gluedAfter = i + 1 < parts.Count && parts[i + 1].Literal?.StartsWith(' ') != true;
            if (i == 0 || gluedBefore || gluedAfter)
            {
                return null;
            }
            words.Add(AsString(part.Expression!.Value));
        }
        if (words.Count == 0 || CommandShells.IsShell(words[0].Trim('"')))
        {
            return null;
        }
        return words;
    }

    /// <summary>The value as a String argument: as it is when declared a String, else String.valueOf.</summary>
    private static string AsString(SyntaxNode value)
    {
        if (value.Kind == "string_literal" || value.Kind == "identifier" && DeclaredType(value) is "String" or "java.lang.String")
        {
            return value.Text;
        }
        return $"String.valueOf({value.Text})";
    }

    /// <summary>The declared type of a local variable or parameter of the enclosing method.</summary>
    private static string? DeclaredType(SyntaxNode identifier)
    {
        if (identifier.Ancestors().FirstOrNull(a => a.Kind is "method_declaration" or "constructor_declaration") is not { } method)
        {
            return null;
        }
        var parameter = method.ChildByField("parameters")?.NamedChildren
            .FirstOrNull(p => p.Kind == "formal_parameter" && p.ChildByField("name")?.Text == identifier.Text);
        if (parameter is { } declared)
        {
            return declared.ChildByField("type")?.Text;
        }
        return method.ChildByField("body") is { } body ? JavaCode.LocalDeclarationType(body, identifier.Text)?.Text : null;
    }

    /// <summary>A command kept in a variable: its values must still be the same where it runs.</summary>
    private static bool SameValuesAt(IReadOnlyList<StringPart> parts, SyntaxNode built, SyntaxNode call) =>
        parts.Where(p => !p.IsLiteral).All(p => p.Expression!.Value.Kind is "identifier" or "string_literal"
            && (p.Expression.Value.Kind == "string_literal" || !JavaCode.AssignedBetween(p.Expression.Value.Text, built, call)));
}
