using System.Reflection;
using System.Runtime.InteropServices;

namespace Portcullis.Syntax.Native;

/// <summary>
/// Finds libportcullis-treesitter.so: beside the assemblies (where the build copies it), or at the path
/// in PORTCULLIS_TREESITTER_LIB. A missing library is a clear error, not a DllNotFoundException.
/// </summary>
internal static class NativeLibraryLoader
{
    public const string FileName = "libportcullis-treesitter.so";
    private static readonly Lazy<nint> Handle = new(Load);

    public static nint LibraryHandle => Handle.Value;

    public static void EnsureResolver()
    {
        _ = ResolverInstalled.Value;
    }

    private static readonly Lazy<bool> ResolverInstalled = new(() =>
    {
        NativeLibrary.SetDllImportResolver(typeof(NativeLibraryLoader).Assembly, Resolve);
        return true;
    });

    private static nint Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath) =>
        name == TreeSitterNative.Library ? Handle.Value : nint.Zero;

    private static nint Load()
    {
        var candidates = new List<string>();
        var fromEnvironment = Environment.GetEnvironmentVariable("PORTCULLIS_TREESITTER_LIB");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            candidates.Add(fromEnvironment);
        }
        candidates.Add(Path.Combine(AppContext.BaseDirectory, FileName));
        candidates.Add(Path.Combine(Path.GetDirectoryName(typeof(NativeLibraryLoader).Assembly.Location) ?? ".", FileName));
        foreach (var candidate in candidates)
        {
            if (File.Exists(candidate) && NativeLibrary.TryLoad(candidate, out var handle))
            {
                return handle;
            }
        }
        throw new SyntaxUnavailableException(
            $"the tree-sitter library {FileName} was not found (looked in: {string.Join(", ", candidates)}); " +
            "build with `dotnet build`, which runs native/build.sh, or set PORTCULLIS_TREESITTER_LIB");
    }
}
