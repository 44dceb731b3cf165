using Portcullis.Syntax;

namespace Portcullis.Analysis.Fixing.Rewrites;

/// <summary>Names for the variables a rewrite introduces, clear of every identifier the file has.</summary>
internal static class FreshName
{
    /// <summary>The stem itself, or <c>stem2</c>, <c>stem3</c>, ... when the file already uses it.</summary>
    public static string For(SyntaxTree tree, string stem)
    {
        var taken = tree.Root.Descendants().Where(d => d.Kind == "identifier").Select(d => d.Text).ToHashSet(StringComparer.Ordinal);
        var name = stem;
        for (var n = 2; taken.Contains(name); n++)
        {
            name = stem + n;
        }
        return name;
    }
}
