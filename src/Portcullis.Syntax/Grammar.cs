using System.Runtime.InteropServices;
using Portcullis.Syntax.Native;

namespace Portcullis.Syntax;

/// <summary>
/// One tree-sitter grammar loaded from the native library: its language pointer and the names of its
/// node kinds and fields. Kind ids are canonicalised so that aliases of one name share one id.
/// </summary>
public sealed class Grammar
{
    /// <summary>The ABI versions this runtime (tree-sitter 0.25) can load.</summary>
    public const uint MinAbiVersion = 13;
    public const uint MaxAbiVersion = 15;

    /// <summary>tree-sitter's built-in symbol for ERROR nodes ((TSSymbol)-1), outside every grammar's table.</summary>
    public const ushort ErrorSymbol = ushort.MaxValue;

    private readonly string[] _kindNames;
    private readonly bool[] _kindNamed;
    private readonly ushort[] _canonicalKind;
    private readonly Dictionary<string, ushort> _namedKindIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ushort> _anonymousKindIds = new(StringComparer.Ordinal);
    private readonly string?[] _fieldNames;
    private readonly Dictionary<string, ushort> _fieldIds = new(StringComparer.Ordinal);

    internal Grammar(string id, nint language)
    {
        Id = id;
        Language = language;
        AbiVersion = TreeSitterNative.LanguageAbiVersion(language);
        if (AbiVersion < MinAbiVersion || AbiVersion > MaxAbiVersion)
        {
            throw new SyntaxUnavailableException(
                $"grammar '{id}' has ABI version {AbiVersion}; this tree-sitter runtime loads {MinAbiVersion}..{MaxAbiVersion}. Re-pin it in native/package.json.");
        }

        var symbolCount = (int)TreeSitterNative.LanguageSymbolCount(language);
        _kindNames = new string[symbolCount];
        _kindNamed = new bool[symbolCount];
        _canonicalKind = new ushort[symbolCount];
        for (var symbol = 0; symbol < symbolCount; symbol++)
        {
            var name = Marshal.PtrToStringUTF8(TreeSitterNative.LanguageSymbolName(language, (ushort)symbol)) ?? string.Empty;
            // TSSymbolType: 0 regular (named), 1 anonymous, 2 supertype, 3 auxiliary.
            var named = TreeSitterNative.LanguageSymbolType(language, (ushort)symbol) != 1;
            var ids = named ? _namedKindIds : _anonymousKindIds;
            if (!ids.TryGetValue(name, out var canonical))
            {
                canonical = (ushort)symbol;
                ids[name] = canonical;
            }
            _kindNames[symbol] = name;
            _kindNamed[symbol] = named;
            _canonicalKind[symbol] = canonical;
        }

        var fieldCount = (int)TreeSitterNative.LanguageFieldCount(language);
        _fieldNames = new string?[fieldCount + 1];
        for (var field = 1; field <= fieldCount; field++)
        {
            var name = Marshal.PtrToStringUTF8(TreeSitterNative.LanguageFieldNameForId(language, (ushort)field));
            _fieldNames[field] = name;
            if (name is not null)
            {
                _fieldIds.TryAdd(name, (ushort)field);
            }
        }
    }

    /// <summary>The language id, e.g. "python", "c_sharp".</summary>
    public string Id { get; }

    public uint AbiVersion { get; }

    internal nint Language { get; }

    public int KindCount => _kindNames.Length;

    /// <summary>The canonical kind id of a raw tree-sitter symbol.</summary>
    internal ushort Canonical(ushort symbol) => symbol < _canonicalKind.Length ? _canonicalKind[symbol] : symbol;

    public string KindName(ushort kind) => kind < _kindNames.Length ? _kindNames[kind] : kind == ErrorSymbol ? "ERROR" : "?";

    public bool IsNamedKind(ushort kind) => kind == ErrorSymbol || (kind < _kindNamed.Length && _kindNamed[kind]);

    /// <summary>The canonical id of a named node kind, if the grammar has it.</summary>
    public bool TryGetNamedKind(string name, out ushort kind) => _namedKindIds.TryGetValue(name, out kind);

    public string? FieldName(ushort field) => field < _fieldNames.Length ? _fieldNames[field] : null;

    public bool TryGetField(string name, out ushort field) => _fieldIds.TryGetValue(name, out field);
}
