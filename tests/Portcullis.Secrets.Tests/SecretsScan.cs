using Portcullis.Analysis.Pipeline;
using Portcullis.Core;
using Portcullis.Secrets.Providers;

namespace Portcullis.Secrets.Tests;

/// <summary>Runs the real scan engine (real tree-sitter parse, fix verification) with only the secrets analyzer.</summary>
internal static class SecretsScan
{
    public static SecretMasker Masker { get; } = new("test-salt");

    private static readonly ScanEngine Engine = new([new SecretsAnalyzer(Masker)]);

    public static IReadOnlyList<Finding> Run(string code, string language = "text", bool verifyFixes = false, string path = "input")
    {
        var result = Engine.Scan(new SourceText(path, language, code), verifyFixes);
        Assert.Null(result.Error);
        return result.Findings;
    }

    public static IReadOnlyList<Finding> FindSecrets(string code, string language = "text") =>
        Run(code, language).Where(f => f.RuleId != SecretRules.IncompleteId).ToList();

    /// <summary>A GitHub-style token (prefix, 30 random base62 characters, CRC32 in base62) that passes the checksum.</summary>
    public static string GitHubToken(string prefix, int seed)
    {
        var random = new Random(seed);
        const string alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        var body = new string(Enumerable.Range(0, 30).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
        return prefix + body + Checksums.EncodeBase62(Checksums.Crc32(System.Text.Encoding.ASCII.GetBytes(body)), 6);
    }

    /// <summary>Random characters from an alphabet, deterministic per seed.</summary>
    public static string RandomOf(string alphabet, int length, int seed)
    {
        var random = new Random(seed);
        return new string(Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
    }

    public const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    public const string Hex = "0123456789abcdef";
    public const string UpperBase32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
}
