using Portcullis.Core;

namespace Portcullis.Syntax.Tests;

/// <summary>Random bytes and truncated real code, fed to every grammar: no crash, no hang.</summary>
public sealed class RobustnessTests
{
    public static TheoryData<string> Grammars => new(GrammarRegistry.GrammarIds);

    [Theory]
    [MemberData(nameof(Grammars))]
    public void Random_bytes_and_truncations_never_crash_or_hang(string grammarId)
    {
        var random = new Random(grammarId.GetHashCode(StringComparison.Ordinal) ^ 7919);
        var limits = new ParseLimits(SyntaxParser.DefaultMaxBytes, TimeSpan.FromSeconds(5));
        var seed = string.Join('\n', ParsingTests.SampleByLanguage.Select(row => (string)row[1]));
        for (var round = 0; round < 60; round++)
        {
            string text;
            if (round % 2 == 0)
            {
                var bytes = new byte[random.Next(0, 4096)];
                random.NextBytes(bytes);
                text = System.Text.Encoding.UTF8.GetString(bytes);
            }
            else
            {
                text = seed[..random.Next(0, seed.Length)];
            }
            try
            {
                var tree = SyntaxParser.Parse(new SourceText("fuzz", "text", text), grammarId, limits);
                Assert.Equal(tree.Count, tree.Root.SubtreeEnd);
            }
            catch (ParseLimitException e)
            {
                // Stopping at the deadline with a clear message is the guarantee; a crash or a hang is not.
                Assert.Contains("did not finish within", e.Message, StringComparison.Ordinal);
            }
        }
    }
}
