using Portcullis.Core;

namespace Portcullis.Analysis.Fixing;

/// <summary>A source as it may be shown: the byte range of every redacted finding (a secret) replaced by its masked snippet.</summary>
public static class Redaction
{
    public static string Apply(SourceText source, IEnumerable<Finding> findings)
    {
        var edits = new List<TextEdit>();
        var end = -1;
        foreach (var finding in findings.Where(f => f.Redacted).OrderBy(f => f.Span.StartByte))
        {
            if (finding.Span.StartByte >= end && finding.Span.EndByte <= source.Utf8.Length)
            {
                edits.Add(new TextEdit(finding.Span.StartByte, finding.Span.EndByte, finding.Snippet));
                end = finding.Span.EndByte;
            }
        }
        return edits.Count == 0 ? source.Text : TextEdits.Apply(source.Utf8, edits) ?? source.Text;
    }
}
