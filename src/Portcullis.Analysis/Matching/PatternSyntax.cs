namespace Portcullis.Analysis.Matching;

/// <summary>
/// How a pattern is made parseable in each grammar: metavariables and ellipses become placeholder
/// identifiers (valid in every language), and a pattern that is not a whole program by itself (a Java
/// statement, a Go call) is wrapped in the smallest program that holds it.
/// </summary>
internal static class PatternSyntax
{
    public const string EllipsisPlaceholder = "__pcdots";
    public const string MetavariablePrefix = "__pcmv_";
    public const string SequencePrefix = "__pcseq_";

    /// <summary>
    /// The statement a lone <c>...</c> line becomes in C#, whose grammar accepts only calls,
    /// assignments and the like as expression statements (a bare identifier does not parse there).
    /// </summary>
    public const string CallEllipsisStatement = EllipsisPlaceholder + "()";

    /// <summary>
    /// PHP variables that look like metavariables ($ and capitals): in a PHP pattern they stay the
    /// variables they are, so <c>$_GET['id']</c> matches the superglobal.
    /// </summary>
    private static readonly HashSet<string> PhpSuperglobals = ["_GET", "_POST", "_REQUEST", "_COOKIE", "_SERVER", "_FILES", "_SESSION", "_ENV", "GLOBALS"];

    /// <summary>Grammars whose statements end with ';' (a lone <c>...</c> line becomes a statement).</summary>
    private static readonly HashSet<string> SemicolonGrammars = ["java", "c_sharp", "c", "cpp", "php", "php_only", "rust", "javascript", "typescript", "tsx", "solidity"];

    /// <summary>Prefix/suffix pairs tried in order; the first that parses without errors wins.</summary>
    public static IEnumerable<(string Prefix, string Suffix)> Wrappers(string grammarId)
    {
        if (grammarId == "php")
        {
            // Without the opening tag the PHP grammar reads any pattern as inline HTML text.
            yield return ("<?php\n", "");
            yield return ("<?php\n", ";");
        }
        if (grammarId == "go")
        {
            // Outside a function the Go grammar reads a.B(c) as a conversion to type a.B.
            yield return ("package p\nfunc __pcWrap() {\n", "\n}");
        }
        yield return ("", "");
        var semicolon = SemicolonGrammars.Contains(grammarId);
        if (semicolon)
        {
            yield return ("", ";");
        }
        switch (grammarId)
        {
            case "java":
                yield return ("class __PcWrap { void __pcWrap() {\n", ";\n} }");
                yield return ("class __PcWrap { void __pcWrap() {\n", "\n} }");
                yield return ("class __PcWrap {\n", "\n}");
                break;
            case "c_sharp":
                yield return ("class __PcWrap { void __PcWrap() {\n", ";\n} }");
                yield return ("class __PcWrap { void __PcWrap() {\n", "\n} }");
                yield return ("class __PcWrap {\n", "\n}");
                // An expression that is not a statement by itself (Request.Query["id"], x.Name).
                yield return ("class __PcWrap { object __pcWrap = ", "; }");
                break;
            case "go":
                yield return ("package p\n", "\n");
                yield return ("package p\nvar __pcWrap = ", "\n");
                break;
            case "kotlin":
                yield return ("fun __pcWrap() {\n", "\n}");
                break;
            case "rust":
                yield return ("fn __pc_wrap() {\n", "\n}");
                yield return ("fn __pc_wrap() {\n", ";\n}");
                break;
            case "c" or "cpp":
                yield return ("void __pc_wrap() {\n", ";\n}");
                yield return ("void __pc_wrap() {\n", "\n}");
                break;
            case "php":
                yield return ("<?php\n", "");
                yield return ("<?php\n", ";");
                break;
            case "solidity":
                yield return ("contract __PcWrap { function __pcWrap() public {\n", ";\n} }");
                yield return ("contract __PcWrap { function __pcWrap() public {\n", "\n} }");
                yield return ("contract __PcWrap {\n", "\n}");
                break;
            case "javascript" or "typescript" or "tsx":
                yield return ("(", ")");
                break;
        }
    }

    /// <summary>Replaces <c>$X</c>, <c>$...X</c> and <c>...</c> with placeholders.</summary>
    public static string ReplaceMetasyntax(string pattern, string grammarId)
    {
        var semicolon = SemicolonGrammars.Contains(grammarId);
        var php = grammarId is "php" or "php_only";
        var lines = pattern.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (semicolon && line.Trim() == "...")
            {
                lines[i] = line.Replace("...", (grammarId == "c_sharp" ? CallEllipsisStatement : EllipsisPlaceholder) + ";", StringComparison.Ordinal);
                continue;
            }
            lines[i] = ReplaceInLine(line, php);
        }
        return string.Join('\n', lines);
    }

    private static string ReplaceInLine(string line, bool php)
    {
        var result = new System.Text.StringBuilder(line.Length + 16);
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '$')
            {
                var isSequence = string.CompareOrdinal(line, i + 1, "...", 0, 3) == 0;
                var nameStart = i + 1 + (isSequence ? 3 : 0);
                var nameEnd = nameStart;
                while (nameEnd < line.Length && (char.IsAsciiLetterUpper(line[nameEnd]) || line[nameEnd] == '_' || (nameEnd > nameStart && char.IsAsciiDigit(line[nameEnd]))))
                {
                    nameEnd++;
                }
                if (nameEnd > nameStart && !(php && !isSequence && PhpSuperglobals.Contains(line[nameStart..nameEnd])))
                {
                    // In PHP the placeholder keeps its '$': a variable is valid where an expression,
                    // an assignment target, a callee or a method name is ($X = ..., $FN(...), $o->$M()).
                    result.Append(php ? "$" : "").Append(isSequence ? SequencePrefix : MetavariablePrefix).Append(line, nameStart, nameEnd - nameStart);
                    i = nameEnd - 1;
                    continue;
                }
            }
            if (line[i] == '.' && string.CompareOrdinal(line, i, "...", 0, 3) == 0)
            {
                result.Append(EllipsisPlaceholder);
                i += 2;
                continue;
            }
            result.Append(line[i]);
        }
        return result.ToString();
    }
}
