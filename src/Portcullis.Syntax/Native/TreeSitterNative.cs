using System.Runtime.InteropServices;

namespace Portcullis.Syntax.Native;

/// <summary>TSNode from tree_sitter/api.h, passed by value.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct TsNode
{
    public uint Context0;
    public uint Context1;
    public uint Context2;
    public uint Context3;
    public nint Id;
    public nint Tree;
}

/// <summary>TSTreeCursor from tree_sitter/api.h.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct TsTreeCursor
{
    public nint Tree;
    public nint Id;
    public uint Context0;
    public uint Context1;
    public uint Context2;
}

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

    [LibraryImport(Library, EntryPoint = "ts_tree_root_node")]
    public static partial TsNode TreeRootNode(TreeHandle tree);

    [LibraryImport(Library, EntryPoint = "ts_tree_cursor_new")]
    public static partial TsTreeCursor TreeCursorNew(TsNode node);

    [LibraryImport(Library, EntryPoint = "ts_tree_cursor_delete")]
    public static unsafe partial void TreeCursorDelete(TsTreeCursor* cursor);

    [LibraryImport(Library, EntryPoint = "ts_tree_cursor_current_node")]
    public static unsafe partial TsNode TreeCursorCurrentNode(TsTreeCursor* cursor);

    [LibraryImport(Library, EntryPoint = "ts_tree_cursor_current_field_id")]
    public static unsafe partial ushort TreeCursorCurrentFieldId(TsTreeCursor* cursor);

    [LibraryImport(Library, EntryPoint = "ts_tree_cursor_goto_first_child")]
    [return: MarshalAs(UnmanagedType.U1)]
    public static unsafe partial bool TreeCursorGotoFirstChild(TsTreeCursor* cursor);

    [LibraryImport(Library, EntryPoint = "ts_tree_cursor_goto_next_sibling")]
    [return: MarshalAs(UnmanagedType.U1)]
    public static unsafe partial bool TreeCursorGotoNextSibling(TsTreeCursor* cursor);

    [LibraryImport(Library, EntryPoint = "ts_tree_cursor_goto_parent")]
    [return: MarshalAs(UnmanagedType.U1)]
    public static unsafe partial bool TreeCursorGotoParent(TsTreeCursor* cursor);

    [LibraryImport(Library, EntryPoint = "ts_node_symbol")]
    public static partial ushort NodeSymbol(TsNode node);

    [LibraryImport(Library, EntryPoint = "ts_node_start_byte")]
    public static partial uint NodeStartByte(TsNode node);

    [LibraryImport(Library, EntryPoint = "ts_node_end_byte")]
    public static partial uint NodeEndByte(TsNode node);

    [LibraryImport(Library, EntryPoint = "ts_node_is_missing")]
    [return: MarshalAs(UnmanagedType.U1)]
    public static partial bool NodeIsMissing(TsNode node);

    [LibraryImport(Library, EntryPoint = "ts_node_is_extra")]
    [return: MarshalAs(UnmanagedType.U1)]
    public static partial bool NodeIsExtra(TsNode node);

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
