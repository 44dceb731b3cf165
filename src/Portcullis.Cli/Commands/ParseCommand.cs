using System.Text;
using Portcullis.Cli.Targets;
using Portcullis.Syntax;

namespace Portcullis.Cli.Commands;

/// <summary>
/// <c>portcullis parse FILE|- [--lang L]</c>: prints the tree-sitter tree the rules see — node kinds,
/// field names, byte offsets, ERROR and MISSING nodes — so a rule author can write patterns against
/// the real shape of the code (what <c>tree-sitter parse</c> or Semgrep's <c>--dump-ast</c> show).
/// </summary>
internal static class ParseCommand
{
    private const int MaxLeafText = 60;

    public static int Run(IReadOnlyList<string> args, TextReader stdin, TextWriter stdout)
    {
        var reader = new ArgumentReader(args, ["--lang"], []);
        if (reader.Positional.Count != 1)
        {
            throw new UsageException("parse takes one file (or - with --lang)");
        }
        var language = reader.Value("--lang") is { } name
            ? LanguageIds.Normalize(name) ?? throw new UsageException($"unknown language '{name}'")
            : null;
        var path = reader.Positional[0];
        var read = path == "-"
            ? TargetReader.FromBytes("<stdin>", Encoding.UTF8.GetBytes(stdin.ReadToEnd()), isExplicit: true, language ?? throw new UsageException("parse - needs --lang"), SyntaxParser.DefaultMaxBytes)
            : File.Exists(path) ? TargetReader.ReadFile(path, isExplicit: true, language, SyntaxParser.DefaultMaxBytes) : throw new UsageException($"no such file: {path}");
        if (read.Source is not { } source)
        {
            throw new UsageException(read.Error ?? read.Skipped ?? "nothing to parse");
        }
        var grammar = LanguageIds.GrammarFor(source.Language, source.Text)
            ?? throw new UsageException($"{source.Language} has no grammar: it is scanned as text");
        var tree = SyntaxParser.Parse(source, grammar);
        var output = new StringBuilder();
        Write(tree.Root, null, 0, output);
        stdout.Write(output.ToString());
        return ExitCodes.Allow;
    }

    private static void Write(SyntaxNode node, string? field, int depth, StringBuilder output)
    {
        output.Append(' ', depth * 2);
        if (field is not null)
        {
            output.Append(field).Append(": ");
        }
        output.Append(node.Kind).Append(" [").Append(node.StartByte).Append('-').Append(node.EndByte).Append(']');
        if (node.IsMissing)
        {
            output.Append(" MISSING");
        }
        if (node.IsExtra)
        {
            output.Append(" extra");
        }
        var children = node.Children.Where(c => c.IsNamed).ToList();
        if (children.Count == 0)
        {
            var text = node.Text.ReplaceLineEndings("\\n");
            output.Append(' ').Append(text.Length > MaxLeafText ? text[..MaxLeafText] + "…" : text);
        }
        output.Append('\n');
        foreach (var child in children)
        {
            Write(child, child.FieldName, depth + 1, output);
        }
    }
}
