using System.Runtime.InteropServices;

namespace Portcullis.Syntax.Native;

/// <summary>
/// The subset of the tree-sitter C API Portcullis uses. The library is native/out/libportcullis-treesitter.so,
/// built by native/build.sh and copied beside the assemblies.
/// </summary>
internal static partial class TreeSitterNative
{
    public const string Library = "portcullis-treesitter";

    [LibraryImport(Library, EntryPoint = "ts_parser_new")]
    public static partial nint ParserNew();

    [LibraryImport(Library, EntryPoint = "ts_parser_delete")]
    public static partial void ParserDelete(nint parser);

    [LibraryImport(Library, EntryPoint = "ts_parser_set_language")]
    [return: MarshalAs(UnmanagedType.U1)]
    public static partial bool ParserSetLanguage(ParserHandle parser, nint language);

    [LibraryImport(Library, EntryPoint = "ts_parser_set_timeout_micros")]
    public static partial void ParserSetTimeoutMicros(ParserHandle parser, ulong timeoutMicros);

    [LibraryImport(Library, EntryPoint = "ts_parser_reset")]
    public static partial void ParserReset(ParserHandle parser);

    [LibraryImport(Library, EntryPoint = "ts_parser_parse_string")]
    public static unsafe partial nint ParserParseString(ParserHandle parser, nint oldTree, byte* text, uint length);

    [LibraryImport(Library, EntryPoint = "ts_tree_delete")]
    public static partial void TreeDelete(nint tree);

    [LibraryImport(Library, EntryPoint = "portcullis_tree_node_count")]
    public static partial uint TreeNodeCount(TreeHandle tree);

    /// <summary>native/src/tree_flatten.c: every node in pre-order, in one call; -1 when capacity is too small.</summary>
    [LibraryImport(Library, EntryPoint = "portcullis_tree_flatten")]
    internal static unsafe partial int TreeFlatten(TreeHandle tree, NodeData* nodes, int capacity);

    [LibraryImport(Library, EntryPoint = "ts_language_abi_version")]
    public static partial uint LanguageAbiVersion(nint language);

    [LibraryImport(Library, EntryPoint = "ts_language_symbol_count")]
    public static partial uint LanguageSymbolCount(nint language);

    [LibraryImport(Library, EntryPoint = "ts_language_symbol_name")]
    public static partial nint LanguageSymbolName(nint language, ushort symbol);

    [LibraryImport(Library, EntryPoint = "ts_language_symbol_type")]
    public static partial int LanguageSymbolType(nint language, ushort symbol);

    [LibraryImport(Library, EntryPoint = "ts_language_field_count")]
    public static partial uint LanguageFieldCount(nint language);

    [LibraryImport(Library, EntryPoint = "ts_language_field_name_for_id")]
    public static partial nint LanguageFieldNameForId(nint language, ushort field);
}
