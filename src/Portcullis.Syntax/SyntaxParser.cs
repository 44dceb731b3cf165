using System.Diagnostics;
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
        return Copy(source, grammar, handle, limits);
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

    private static unsafe SyntaxTree Copy(SourceText source, Grammar grammar, TreeHandle tree, ParseLimits limits)
    {
        var nodes = new NodeData[Math.Max(16, source.Utf8.Length / 3)];
        var count = 0;
        var errors = 0;
        // lastChild[depth] is the index of the most recent node at that depth, to link siblings.
        var lastChildAtDepth = new List<int>(64);
        var stopwatch = Stopwatch.StartNew();
        var cursor = TreeSitterNative.TreeCursorNew(TreeSitterNative.TreeRootNode(tree));
        try
        {
            var depth = 0;
            var parent = -1;
            while (true)
            {
                var node = TreeSitterNative.TreeCursorCurrentNode(&cursor);
                if (count == nodes.Length)
                {
                    Array.Resize(ref nodes, nodes.Length * 2);
                }
                // Named-ness and ERROR follow from the symbol, which saves two native calls per node.
                var symbol = TreeSitterNative.NodeSymbol(node);
                var flags = NodeFlags.None;
                if (symbol == Grammar.ErrorSymbol) flags |= NodeFlags.Error | NodeFlags.Named;
                else if (grammar.IsNamedKind(symbol)) flags |= NodeFlags.Named;
                if (TreeSitterNative.NodeIsMissing(node)) flags |= NodeFlags.Missing;
                if (TreeSitterNative.NodeIsExtra(node)) flags |= NodeFlags.Extra;
                if ((flags & (NodeFlags.Error | NodeFlags.Missing)) != 0) errors++;
                var index = count++;
                nodes[index] = new NodeData
                {
                    Kind = grammar.Canonical(symbol),
                    Field = TreeSitterNative.TreeCursorCurrentFieldId(&cursor),
                    Flags = flags,
                    StartByte = (int)TreeSitterNative.NodeStartByte(node),
                    EndByte = (int)TreeSitterNative.NodeEndByte(node),
                    Parent = parent,
                    NextSibling = -1,
                };
                if (parent >= 0) nodes[parent].ChildCount++;
                while (lastChildAtDepth.Count <= depth) lastChildAtDepth.Add(-1);
                if (lastChildAtDepth[depth] >= 0 && nodes[lastChildAtDepth[depth]].Parent == parent)
                {
                    nodes[lastChildAtDepth[depth]].NextSibling = index;
                }
                lastChildAtDepth[depth] = index;

                if (TreeSitterNative.TreeCursorGotoFirstChild(&cursor))
                {
                    parent = index;
                    depth++;
                    continue;
                }
                nodes[index].SubtreeEnd = index + 1;
                // Climb until a next sibling exists, closing the subtrees we leave.
                while (!TreeSitterNative.TreeCursorGotoNextSibling(&cursor))
                {
                    if (!TreeSitterNative.TreeCursorGotoParent(&cursor))
                    {
                        return new SyntaxTree(source, grammar, nodes, count, errors);
                    }
                    nodes[parent].SubtreeEnd = count;
                    parent = nodes[parent].Parent;
                    depth--;
                }
                if ((count & 0xFFFF) == 0 && stopwatch.Elapsed > limits.Deadline)
                {
                    throw new ParseLimitException($"{source.Path}: reading the syntax tree did not finish within {limits.Deadline.TotalMilliseconds:N0} ms");
                }
            }
        }
        finally
        {
            TreeSitterNative.TreeCursorDelete(&cursor);
        }
    }
}
