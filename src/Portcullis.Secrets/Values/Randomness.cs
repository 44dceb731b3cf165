namespace Portcullis.Secrets.Values;

/// <summary>How much a value looks like generated key material rather than a word, a fill pattern or a mask.</summary>
internal enum RandomnessClass
{
    /// <summary>Varied enough to be generated key material.</summary>
    Random,

    /// <summary>One character repeated (other than a mask character): the provider's shape with no key in it.</summary>
    Uniform,

    /// <summary>Mask characters, a word, a sequence: nothing a provider would issue.</summary>
    Placeholder,
}

/// <summary>Shannon entropy and character-class measures over a value.</summary>
internal static class Randomness
{
    /// <summary>Characters people use to blank out a key in documentation: <c>xxxx</c>, <c>****</c>, <c>0000</c>.</summary>
    private const string MaskCharacters = "xX*0#.-_•";

    /// <summary>Bits of Shannon entropy per character.</summary>
    public static double Entropy(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
        {
            return 0;
        }
        Span<int> counts = stackalloc int[128];
        var other = new Dictionary<char, int>();
        foreach (var c in value)
        {
            if (c < 128)
            {
                counts[c]++;
            }
            else
            {
                other[c] = other.GetValueOrDefault(c) + 1;
            }
        }
        double entropy = 0;
        double length = value.Length;
        foreach (var count in counts)
        {
            if (count > 0)
            {
                var p = count / length;
                entropy -= p * Math.Log2(p);
            }
        }
        foreach (var count in other.Values)
        {
            var p = count / length;
            entropy -= p * Math.Log2(p);
        }
        return entropy;
    }

    public static int Distinct(ReadOnlySpan<char> value)
    {
        var seen = new HashSet<char>();
        foreach (var c in value)
        {
            seen.Add(c);
        }
        return seen.Count;
    }

    /// <summary>
    /// Classifies the random part of a provider token (what follows its fixed prefix). Runs of mask
    /// characters and ascending sequences are placeholders; one other character repeated is uniform.
    /// </summary>
    public static RandomnessClass ClassifyBody(ReadOnlySpan<char> body)
    {
        if (body.Length == 0)
        {
            return RandomnessClass.Placeholder;
        }
        if (LongestMaskRun(body) >= 4 || IsSequence(body))
        {
            return RandomnessClass.Placeholder;
        }
        var alphanumeric = new List<char>(body.Length);
        foreach (var c in body)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                alphanumeric.Add(c);
            }
        }
        var distinct = Distinct(alphanumeric.ToArray());
        if (distinct <= 1 || RunsOfOne(body))
        {
            return RandomnessClass.Uniform;
        }
        var threshold = body.Length >= 20 ? 2.6 : 2.2;
        return Entropy(body) >= threshold && distinct >= 5 ? RandomnessClass.Random : RandomnessClass.Placeholder;
    }

    /// <summary>
    /// A body made by hand in the token's shape: one character repeated (per group) or an alphabet run,
    /// with no mask characters (<c>xxxx</c>, <c>0000</c>, <c>****</c>), which say "placeholder" on their own.
    /// </summary>
    public static bool IsFill(ReadOnlySpan<char> body) =>
        body.Length >= 8 && LongestMaskRun(body) < 4 && (IsSequence(body) || InRuns(body) >= body.Length * 0.7);

    /// <summary>
    /// A generated body with a run of zeros or separators typed into it (<c>…tg--00008avpqv…</c>): what is
    /// left around the run is still long and random, unlike a mask (<c>sk_live_abcd0000…</c>) that replaces
    /// most of the key. Runs of <c>x</c>, <c>*</c>, <c>#</c> or dots are masks wherever they stand.
    /// </summary>
    public static bool IsPartlyFilled(ReadOnlySpan<char> body)
    {
        if (body.Length < 20)
        {
            return false;
        }
        Span<char> rest = stackalloc char[body.Length];
        var length = 0;
        for (var i = 0; i < body.Length; i++)
        {
            var run = 1;
            while (i + run < body.Length && body[i + run] == body[i])
            {
                run++;
            }
            if (run >= 3 && body[i] is 'x' or 'X' or '*' or '#' or '.' or '•')
            {
                return false;
            }
            if (run < 3 || !MaskCharacters.Contains(body[i]))
            {
                body.Slice(i, run).CopyTo(rest[length..]);
                length += run;
            }
            i += run - 1;
        }
        return length >= 16 && length >= body.Length * 0.6 && ClassifyBody(rest[..length]) == RandomnessClass.Random;
    }

    /// <summary>How many characters stand in runs of four or more of the same character.</summary>
    private static int InRuns(ReadOnlySpan<char> body)
    {
        var total = 0;
        var run = 1;
        for (var i = 1; i <= body.Length; i++)
        {
            if (i < body.Length && body[i] == body[i - 1])
            {
                run++;
                continue;
            }
            total += run >= 4 ? run : 0;
            run = 1;
        }
        return total;
    }

    /// <summary>True when every separator-delimited group is a single repeated character (<c>AAAA-BBBB</c>).</summary>
    private static bool RunsOfOne(ReadOnlySpan<char> body)
    {
        var groups = 0;
        var start = 0;
        for (var i = 0; i <= body.Length; i++)
        {
            if (i == body.Length || !char.IsAsciiLetterOrDigit(body[i]))
            {
                if (i > start)
                {
                    var group = body[start..i];
                    if (group.Length < 4 || group.ContainsAnyExcept(group[0]))
                    {
                        return false;
                    }
                    groups++;
                }
                start = i + 1;
            }
        }
        return groups > 0;
    }

    public static int LongestMaskRun(ReadOnlySpan<char> value)
    {
        var longest = 0;
        var run = 0;
        var previous = '\0';
        foreach (var c in value)
        {
            if (MaskCharacters.Contains(c) && (c == previous || run == 0))
            {
                run = c == previous ? run + 1 : 1;
            }
            else
            {
                run = MaskCharacters.Contains(c) ? 1 : 0;
            }
            previous = c;
            longest = Math.Max(longest, run);
        }
        return longest;
    }

    /// <summary><c>abcdef…</c>, <c>0123456789…</c>, <c>ABCDEF…</c>: an alphabet, not a key.</summary>
    public static bool IsSequence(ReadOnlySpan<char> value)
    {
        if (value.Length < 8)
        {
            return false;
        }
        // Over letters and digits only: separators (`ABCD1234--__`) are not part of the alphabet.
        var previous = '\0';
        var pairs = 0;
        var ascending = 0;
        foreach (var c in value)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                continue;
            }
            if (previous != '\0')
            {
                pairs++;
                ascending += c == previous + 1 ? 1 : 0;
            }
            previous = c;
        }
        return pairs >= 7 && ascending >= pairs * 0.7;
    }

    /// <summary>How many of: lowercase, uppercase, digit, symbol the value uses.</summary>
    public static int CharacterClasses(ReadOnlySpan<char> value)
    {
        bool lower = false, upper = false, digit = false, symbol = false;
        foreach (var c in value)
        {
            if (char.IsAsciiLetterLower(c))
            {
                lower = true;
            }
            else if (char.IsAsciiLetterUpper(c))
            {
                upper = true;
            }
            else if (char.IsAsciiDigit(c))
            {
                digit = true;
            }
            else
            {
                symbol = true;
            }
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
    }
}
