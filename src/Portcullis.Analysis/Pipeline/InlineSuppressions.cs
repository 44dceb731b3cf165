using System.Globalization;
using System.Text.RegularExpressions;
using Portcullis.Core;

namespace Portcullis.Analysis.Pipeline;

/// <summary>
/// <c>portcullis-ignore RULE_ID reason="..." [until=YYYY-MM-DD]</c> in a comment on the finding's line or
/// the line above suppresses that rule there only. Without a reason, or past its date, it does nothing:
/// a suppression must say why, and must not outlive its reason silently.
/// </summary>
public static partial class InlineSuppressions
{
    public static IReadOnlyList<Finding> Apply(IReadOnlyList<Finding> findings, SourceText source, DateOnly today)
    {
        if (findings.Count == 0 || !source.Text.Contains("portcullis-ignore", StringComparison.Ordinal))
        {
            return findings;
        }
        return findings.Select(finding =>
        {
            var line = finding.Span.StartLine;
            var suppression = Find(source, line, finding.RuleId, today) ?? (line > 1 ? Find(source, line - 1, finding.RuleId, today) : null);
            return suppression is null ? finding : finding with { Suppression = suppression };
        }).ToList();
    }

    private static Suppression? Find(SourceText source, int line, string ruleId, DateOnly today)
    {
        if (line > source.LineCount)
        {
            return null;
        }
        foreach (Match match in Directive().Matches(source.Line(line)))
        {
            if (match.Groups["rule"].Value != ruleId || !match.Groups["reason"].Success || match.Groups["reason"].Value.Trim().Length == 0)
            {
                continue;
            }
            DateOnly? until = null;
            if (match.Groups["until"].Success)
            {
                if (!DateOnly.TryParseExact(match.Groups["until"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) || date < today)
                {
                    continue;
                }
                until = date;
            }
            return new Suppression("inline", match.Groups["reason"].Value, until);
        }
        return null;
    }

    [GeneratedRegex("""portcullis-ignore\s+(?<rule>[A-Za-z0-9._-]+)(?:\s+reason="(?<reason>[^"]*)")?(?:\s+until=(?<until>\S+))?""")]
    private static partial Regex Directive();
}
