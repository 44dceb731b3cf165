using Portcullis.Core;
using Portcullis.Syntax.Native;

namespace Portcullis.Syntax;

/// <summary>
/// Parses source text with tree-sitter and copies the result into a <see cref="SyntaxTree"/>.
/// Thread-safe: each thread keeps its own native parser per grammar. Broken or half-written code
/// parses (with ERROR / MISSING nodes); only the limits below stop a parse.
/// </summary>
public static class SyntaxParser
{
    /// <summary>Default size limit per file (the 5 MB).</summary>
    public const int DefaultMaxBytes = 5 * 1024 * 1024;

    /// <summary>Default parse deadline per file.</summary>
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(5);

    [ThreadStatic]
    private static Dictionary<string, ParserHandle>? t_parsers;

    /// <summary>Parses a source whose language has a grammar (<see cref="LanguageIds.GrammarFor"/>).</summary>
    /// <exception cref="ParseLimitException">The source is over the size limit or the parse ran past the deadline.</exception>
    public static SyntaxTree Parse(SourceText source, string grammarId, ParseLimits? limits = null)
    {
        limits ??= ParseLimits.Default;
        if (source.Utf8.Length > limits.MaxBytes)
        {
            throw new ParseLimitException($"{source.Path}: {source.Utf8.Length:N0} bytes is over the {limits.MaxBytes:N0}-byte limit per file");
        }
        var grammar = GrammarRegistry.Get(grammarId);
        var parser = ParserFor(grammar);
        TreeSitterNative.ParserSetTimeoutMicros(parser, (ulong)Math.Max(1, limits.Deadline.TotalMicroseconds));
        nint tree;
        unsafe
        {
            fixed (byte* text = source.Utf8)
            {
                tree = TreeSitterNative.ParserParseString(parser, nint.Zero, text, (uint)source.Utf8.Length);
            }
        }
        if (tree == nint.Zero)
        {
            // A parse stopped by the timeout leaves the parser mid-parse; reset it for the next caller.
            TreeSitterNative.ParserReset(parser);
            throw new ParseLimitException($"{source.Path}: parsing did not finish within {limits.Deadline.TotalMilliseconds:N0} ms");
        }
        using var handle = new TreeHandle(tree);
        return Copy(source, grammar, handle);
    }

    private static ParserHandle ParserFor(Grammar grammar)
    {
        t_parsers ??= new Dictionary<string, ParserHandle>(StringComparer.Ordinal);
        if (!t_parsers.TryGetValue(grammar.Id, out var parser))
        {
            parser = new ParserHandle();
            if (!TreeSitterNative.ParserSetLanguage(parser, grammar.Language))
            {
                parser.Dispose();
                throw new SyntaxUnavailableException($"tree-sitter refused grammar '{grammar.Id}' (ABI {grammar.AbiVersion})");
            }
            t_parsers[grammar.Id] = parser;
        }
        return parser;
    }

    // The native side writes raw symbols and the MISSING / EXTRA flags (native/src/tree_flatten.c);
    // canonical kinds, NAMED and ERROR come from the grammar tables here.
    private static unsafe SyntaxTree Copy(SourceText source, Grammar grammar, TreeHandle tree)
    {
        var count = (int)TreeSitterNative.TreeNodeCount(tree);
        var nodes = new NodeData[Math.Max(1, count)];
        int written;
        fixed (NodeData* first = nodes)
        {
            written = TreeSitterNative.TreeFlatten(tree, first, nodes.Length);
        }
        if (written != count)
        {
            throw new InvalidOperationException($"{source.Path}: the syntax tree has {count} nodes but {written} were copied");
        }
        var errors = 0;
        for (var i = 0; i < count; i++)
        {
            ref var node = ref nodes[i];
            var symbol = node.Kind;
            if (symbol == Grammar.ErrorSymbol) node.Flags |= NodeFlags.Error | NodeFlags.Named;
            else if (grammar.IsNamedKind(symbol)) node.Flags |= NodeFlags.Named;
            if ((node.Flags & (NodeFlags.Error | NodeFlags.Missing)) != 0) errors++;
            node.Kind = grammar.Canonical(symbol);
        }
        return new SyntaxTree(source, grammar, nodes, count, errors);
    }
}
