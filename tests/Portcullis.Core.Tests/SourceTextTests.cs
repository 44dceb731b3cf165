namespace Portcullis.Core.Tests;

public sealed class SourceTextTests
{
    [Fact]
    public void Columns_count_utf16_units_while_offsets_count_utf8_bytes()
    {
        var source = new SourceText("t.py", "python", "a = 'é'\nb = eval(x)\n");
        var evalOffset = System.Text.Encoding.UTF8.GetByteCount("a = 'é'\nb = ");

        var span = source.Span(evalOffset, evalOffset + 4);

        Assert.Equal((2, 5), (span.StartLine, span.StartColumn));
        Assert.Equal("eval", source.Slice(span.StartByte, span.EndByte));
        Assert.Equal("a = 'é'", source.Line(1));
        Assert.Equal(2, source.LineCount);
    }

    [Fact]
    public void Fingerprints_ignore_whitespace_and_line_numbers_but_not_rule_code_or_path()
    {
        var reference = FindingFingerprint.Compute("r", "eval( x )", "src/a.py");

        Assert.Equal(reference, FindingFingerprint.Compute("r", "eval(x)", "src/a.py"));
        Assert.Equal(reference, FindingFingerprint.Compute("r", "eval(x)", "src\\a.py"));
        Assert.NotEqual(reference, FindingFingerprint.Compute("other", "eval(x)", "src/a.py"));
        Assert.NotEqual(reference, FindingFingerprint.Compute("r", "eval(y)", "src/a.py"));
        Assert.NotEqual(reference, FindingFingerprint.Compute("r", "eval(x)", "src/b.py"));
    }
}
