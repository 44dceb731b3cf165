using System.Collections.Frozen;
using System.Text;
using System.Text.RegularExpressions;

namespace Portcullis.Analysis.Matching;

/// <summary>
/// A <c>where</c> regex that is just a list of names (<c>^(execute|executemany)$</c>) is also checked
/// while matching, the moment the metavariable binds, and feeds the text prefilter: most candidate
/// calls are rejected by their name before any binding, slicing or regex work.
/// </summary>
internal static partial class AllowedNames
{
    public static FrozenSet<string>? FromRegex(string regex)
    {
        var match = NameAlternation().Match(regex);
        if (!match.Success)
        {
            return null;
        }
        var names = match.Groups[1].Value.Split('|').Select(n => n.Replace("\\$", "$", StringComparison.Ordinal)).ToArray();
        return names.All(n => n.Length > 0 && n.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '$')) ? names.ToFrozenSet(StringComparer.Ordinal) : null;
    }

    /// <summary>True when the UTF-8 text is one of the names (no allocation for short names).</summary>
    public static bool Contains(FrozenSet<string> names, ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > 128)
        {
            return false;
        }
        Span<char> chars = stackalloc char[utf8.Length];
        var count = Encoding.UTF8.GetChars(utf8, chars);
        return names.GetAlternateLookup<ReadOnlySpan<char>>().Contains(chars[..count]);
    }

    [GeneratedRegex(@"^\^\(?((?:[A-Za-z0-9_]|\\\$)+(?:\|(?:[A-Za-z0-9_]|\\\$)+)*)\)?\$$")]
    private static partial Regex NameAlternation();
}
