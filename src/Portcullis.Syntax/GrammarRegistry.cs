using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Portcullis.Syntax.Native;

namespace Portcullis.Syntax;

/// <summary>
/// Loads grammars from the native library by their exported <c>tree_sitter_&lt;id&gt;</c> function.
/// Each grammar is loaded once per process and checked for ABI compatibility.
/// </summary>
public static class GrammarRegistry
{
    private static readonly ConcurrentDictionary<string, Lazy<Grammar>> Loaded = new(StringComparer.Ordinal);

    static GrammarRegistry() => NativeLibraryLoader.EnsureResolver();

    /// <summary>Every grammar id compiled into the library (see native/grammars.txt).</summary>
    public static IReadOnlyList<string> GrammarIds { get; } =
    [
        "python", "javascript", "typescript", "tsx", "java", "c_sharp", "go", "php", "php_only", "ruby",
        "c", "cpp", "rust", "kotlin", "solidity", "hcl", "yaml", "bash", "json",
    ];

    public static bool Has(string grammarId) => GrammarIds.Contains(grammarId);

    public static Grammar Get(string grammarId)
    {
        if (!Has(grammarId))
        {
            throw new SyntaxUnavailableException($"no grammar named '{grammarId}' is compiled in");
        }
        return Loaded.GetOrAdd(grammarId, id => new Lazy<Grammar>(() => Load(id))).Value;
    }

    private static unsafe Grammar Load(string grammarId)
    {
        var export = NativeLibrary.GetExport(NativeLibraryLoader.LibraryHandle, "tree_sitter_" + grammarId);
        var language = ((delegate* unmanaged<nint>)export)();
        return new Grammar(grammarId, language);
    }
}
