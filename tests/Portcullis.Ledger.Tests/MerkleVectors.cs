using System.Text.Json;

namespace Portcullis.Ledger.Tests;

/// <summary>The transparency-dev Merkle test vectors in ../shared/vectors/merkle/testdata.</summary>
internal static class MerkleVectors
{
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "vectors", "merkle", "testdata");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
            throw new DirectoryNotFoundException("cannot find ../shared/vectors/merkle/testdata beside the repository");
        }
    }

    public static IEnumerable<string> Files(string kind) =>
        Directory.EnumerateFiles(Path.Combine(Root, kind), "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal);

    public static JsonElement Load(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(file));
        return document.RootElement.Clone();
    }

    public static byte[] Bytes(JsonElement element) =>
        element.ValueKind == JsonValueKind.String ? Convert.FromBase64String(element.GetString()!) : [];

    public static List<byte[]> Proof(JsonElement element) =>
        element.ValueKind == JsonValueKind.Array ? element.EnumerateArray().Select(Bytes).ToList() : [];

    public static string Relative(string file) => Path.GetRelativePath(Root, file);
}
