namespace Portcullis.Syntax;

/// <summary>
/// The language ids Portcullis speaks (what <c>--lang</c> takes and what findings report), their
/// aliases, and the grammar that parses each. Languages without a grammar (Dockerfile, requirements.txt,
/// .env, plain text) are still scanned by the analyzers that read text.
/// </summary>
public static class LanguageIds
{
    public const string Text = "text";

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["python"] = "python", ["py"] = "python", ["python3"] = "python",
        ["javascript"] = "javascript", ["js"] = "javascript", ["node"] = "javascript", ["jsx"] = "javascript",
        ["typescript"] = "typescript", ["ts"] = "typescript",
        ["tsx"] = "tsx",
        ["java"] = "java",
        ["csharp"] = "csharp", ["c#"] = "csharp", ["cs"] = "csharp", ["c_sharp"] = "csharp",
        ["go"] = "go", ["golang"] = "go",
        ["php"] = "php",
        ["ruby"] = "ruby", ["rb"] = "ruby",
        ["c"] = "c",
        ["cpp"] = "cpp", ["c++"] = "cpp", ["cxx"] = "cpp",
        ["rust"] = "rust", ["rs"] = "rust",
        ["kotlin"] = "kotlin", ["kt"] = "kotlin",
        ["solidity"] = "solidity", ["sol"] = "solidity",
        ["hcl"] = "hcl", ["terraform"] = "hcl", ["tf"] = "hcl",
        ["yaml"] = "yaml", ["yml"] = "yaml", ["kubernetes"] = "yaml", ["github-actions"] = "yaml", ["cloudformation"] = "yaml",
        ["bash"] = "bash", ["sh"] = "bash", ["shell"] = "bash", ["zsh"] = "bash",
        ["json"] = "json",
        ["dockerfile"] = "dockerfile", ["docker"] = "dockerfile",
        ["requirements"] = "requirements",
        ["dotenv"] = "dotenv",
        ["properties"] = "properties",
        ["xml"] = "xml",
        ["toml"] = "toml",
        ["ini"] = "ini",
        ["text"] = Text, ["txt"] = Text, ["plaintext"] = Text,
    };

    private static readonly Dictionary<string, string> Grammars = new(StringComparer.Ordinal)
    {
        ["python"] = "python", ["javascript"] = "javascript", ["typescript"] = "typescript", ["tsx"] = "tsx",
        ["java"] = "java", ["csharp"] = "c_sharp", ["go"] = "go", ["php"] = "php", ["ruby"] = "ruby",
        ["c"] = "c", ["cpp"] = "cpp", ["rust"] = "rust", ["kotlin"] = "kotlin", ["solidity"] = "solidity",
        ["hcl"] = "hcl", ["yaml"] = "yaml", ["bash"] = "bash", ["json"] = "json",
    };

    /// <summary>Every canonical language id.</summary>
    public static IReadOnlyCollection<string> All { get; } = Aliases.Values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

    /// <summary>The canonical id for a name or alias ("py" → "python"), or null when unknown.</summary>
    public static string? Normalize(string name) => Aliases.TryGetValue(name.Trim(), out var id) ? id : null;

    /// <summary>
    /// The grammar that parses a language, or null for text-only languages. PHP without an opening
    /// <c>&lt;?php</c> tag (a completion, a function) is parsed with the PHP-only grammar.
    /// </summary>
    public static string? GrammarFor(string language, string? text = null)
    {
        if (!Grammars.TryGetValue(language, out var grammar))
        {
            return null;
        }
        if (grammar == "php" && text is not null && !text.Contains("<?", StringComparison.Ordinal))
        {
            return "php_only";
        }
        return grammar;
    }
}
