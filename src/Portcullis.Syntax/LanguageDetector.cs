namespace Portcullis.Syntax;

/// <summary>
/// Names the language of a file from (in order) its file name, its extension and its shebang line.
/// Returns null when none of them says: the caller reports an unknown language rather than guessing.
/// </summary>
public static class LanguageDetector
{
    private static readonly Dictionary<string, string> FileNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Dockerfile"] = "dockerfile", ["Containerfile"] = "dockerfile",
        ["requirements.txt"] = "requirements", ["requirements-dev.txt"] = "requirements", ["constraints.txt"] = "requirements",
        [".env"] = "dotenv", ["Gemfile"] = "ruby", ["Rakefile"] = "ruby", ["Vagrantfile"] = "ruby",
        ["Jenkinsfile"] = LanguageIds.Text, ["Makefile"] = LanguageIds.Text,
    };

    private static readonly Dictionary<string, string> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        [".py"] = "python", [".pyw"] = "python", [".pyi"] = "python",
        [".js"] = "javascript", [".mjs"] = "javascript", [".cjs"] = "javascript", [".jsx"] = "javascript",
        [".ts"] = "typescript", [".mts"] = "typescript", [".cts"] = "typescript", [".tsx"] = "tsx",
        [".java"] = "java", [".cs"] = "csharp", [".go"] = "go",
        [".php"] = "php", [".phtml"] = "php",
        [".rb"] = "ruby", [".erb"] = "ruby",
        [".c"] = "c", [".h"] = "c",
        [".cpp"] = "cpp", [".cc"] = "cpp", [".cxx"] = "cpp", [".hpp"] = "cpp", [".hh"] = "cpp", [".hxx"] = "cpp",
        [".rs"] = "rust", [".kt"] = "kotlin", [".kts"] = "kotlin", [".sol"] = "solidity",
        [".tf"] = "hcl", [".hcl"] = "hcl", [".tfvars"] = "hcl",
        [".yaml"] = "yaml", [".yml"] = "yaml",
        [".sh"] = "bash", [".bash"] = "bash", [".zsh"] = "bash",
        [".json"] = "json", [".ipynb"] = "json",
        [".dockerfile"] = "dockerfile",
        [".env"] = "dotenv", [".properties"] = "properties", [".xml"] = "xml", [".config"] = "xml",
        [".toml"] = "toml", [".ini"] = "ini", [".cfg"] = "ini",
        [".txt"] = LanguageIds.Text, [".md"] = LanguageIds.Text,
    };

    private static readonly (string Interpreter, string Language)[] Interpreters =
    [
        ("python", "python"), ("node", "javascript"), ("deno", "typescript"), ("ts-node", "typescript"),
        ("bash", "bash"), ("sh", "bash"), ("zsh", "bash"), ("dash", "bash"), ("ruby", "ruby"), ("php", "php"),
    ];

    public static string? Detect(string path, ReadOnlySpan<char> content)
    {
        var fileName = Path.GetFileName(path);
        if (FileNames.TryGetValue(fileName, out var byName))
        {
            return byName;
        }
        if (fileName.StartsWith("Dockerfile.", StringComparison.OrdinalIgnoreCase) || fileName.StartsWith(".env.", StringComparison.OrdinalIgnoreCase))
        {
            return fileName.StartsWith('.') ? "dotenv" : "dockerfile";
        }
        if (Extensions.TryGetValue(Path.GetExtension(fileName), out var byExtension))
        {
            return byExtension;
        }
        return FromShebang(content);
    }

    /// <summary>The language named by a <c>#!</c> line, e.g. <c>#!/usr/bin/env python3</c>.</summary>
    public static string? FromShebang(ReadOnlySpan<char> content)
    {
        if (!content.StartsWith("#!"))
        {
            return null;
        }
        var end = content.IndexOf('\n');
        var line = (end < 0 ? content : content[..end]).ToString();
        var words = line[2..].Split([' ', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries);
        foreach (var word in words)
        {
            var program = Path.GetFileName(word);
            if (program is "env" || program.StartsWith('-'))
            {
                continue;
            }
            foreach (var (interpreter, language) in Interpreters)
            {
                if (program == interpreter || (program.StartsWith(interpreter, StringComparison.Ordinal) && program.Length > interpreter.Length && (char.IsDigit(program[interpreter.Length]) || program[interpreter.Length] == '.')))
                {
                    return language;
                }
            }
            return null;
        }
        return null;
    }
}
