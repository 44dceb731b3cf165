using System.Diagnostics;
using static Portcullis.Secrets.Tests.SecretsScan;

namespace Portcullis.Secrets.Tests;

public sealed class BadInputTests
{
    [Fact]
    public void A_megabyte_line_of_base64_is_scanned_in_bounded_time()
    {
        var blob = "data = \"" + RandomOf(Base62 + "+/", 1 << 20, 90) + "\"";
        var stopwatch = Stopwatch.StartNew();
        _ = Run(blob);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), stopwatch.Elapsed.ToString());
    }

    [Fact]
    public void A_minified_file_of_several_megabytes_with_a_key_inside_is_scanned_and_the_key_found()
    {
        var filler = string.Concat(Enumerable.Repeat("var a=function(b){return b.token+b.key+\"x\"};", 70_000));
        var key = "AKIA" + RandomOf(UpperBase32, 16, 91);
        var stopwatch = Stopwatch.StartNew();
        var findings = FindSecrets(filler + "var k=\"" + key + "\";" + filler, "text");
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(20), stopwatch.Elapsed.ToString());
        Assert.Contains(findings, f => f.RuleId == "secrets.aws-access-key-id");
    }

    [Fact]
    public void Binary_data_and_invalid_utf8_do_not_crash()
    {
        var random = new Random(92);
        var bytes = new byte[200_000];
        random.NextBytes(bytes);
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        _ = Run(text);
        _ = Run("\uD800 password = \"\uDC00abc\uFFFDdef\" \0\0");
    }

    [Fact]
    public void Pathological_repetition_does_not_stall_the_gate()
    {
        var text = string.Concat(Enumerable.Repeat("password=\"", 20_000)) + string.Concat(Enumerable.Repeat("-----BEGIN PRIVATE KEY-----", 5_000));
        var stopwatch = Stopwatch.StartNew();
        _ = Run(text);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(20), stopwatch.Elapsed.ToString());
    }
}
