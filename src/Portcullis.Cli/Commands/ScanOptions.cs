using System.Globalization;
using Portcullis.Syntax;

namespace Portcullis.Cli.Commands;

/// <summary>The options <c>scan</c> and <c>baseline create</c> share.</summary>
internal sealed record ScanOptions(IReadOnlyList<string> Paths, string? Language, ParseLimits Limits, IReadOnlyList<string> RulePaths)
{
    public static readonly string[] ValueOptions = ["--lang", "--rules", "--max-bytes", "--deadline-ms"];

    public static ScanOptions From(ArgumentReader reader)
    {
        string? language = null;
        if (reader.Value("--lang") is { } name)
        {
            language = LanguageIds.Normalize(name) ?? throw new UsageException($"unknown language '{name}' (known: {string.Join(", ", LanguageIds.All)})");
        }
        var maxBytes = PositiveInt(reader, "--max-bytes") ?? SyntaxParser.DefaultMaxBytes;
        var deadline = PositiveInt(reader, "--deadline-ms") is { } ms ? TimeSpan.FromMilliseconds(ms) : SyntaxParser.DefaultDeadline;
        return new ScanOptions(reader.Positional, language, new ParseLimits(maxBytes, deadline), reader.Values("--rules"));
    }

    /// <summary>
    /// The languages of the targets when they can be told before scanning (named files, standard input
    /// with --lang); null when a folder is named, so every pack loads.
    /// </summary>
    public IReadOnlySet<string>? KnownLanguages()
    {
        if (Paths.Count == 0)
        {
            return null;
        }
        var languages = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in Paths)
        {
            if (path == "-" ? Language is null : !File.Exists(path))
            {
                return null;
            }
            if ((Language ?? LanguageDetector.Detect(path, FirstLine(path))) is { } language)
            {
                languages.Add(language);
            }
        }
        return languages;
    }

    // Enough for a #! line, which is all detection reads beyond the name.
    private static string FirstLine(string path)
    {
        using var reader = new StreamReader(path);
        return reader.ReadLine() ?? "";
    }

    private static int? PositiveInt(ArgumentReader reader, string name)
    {
        var text = reader.Value(name);
        if (text is null)
        {
            return null;
        }
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new UsageException($"{name} takes a positive whole number, not '{text}'");
    }
}
