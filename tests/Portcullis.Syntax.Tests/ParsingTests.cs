using Portcullis.Core;

namespace Portcullis.Syntax.Tests;

public sealed class ParsingTests
{
    public static TheoryData<string, string> SampleByLanguage => new()
    {
        { "python", "def f(x):\n    return x + 1\n" },
        { "javascript", "function f(x) { return x + 1; }" },
        { "typescript", "function f(x: number): number { return x + 1; }" },
        { "tsx", "const A = () => <div>{x}</div>;" },
        { "java", "class A { int f(int x) { return x + 1; } }" },
        { "csharp", "class A { int F(int x) => x + 1; }" },
        { "go", "package main\nfunc f(x int) int { return x + 1 }\n" },
        { "php", "<?php function f($x) { return $x + 1; }" },
        { "ruby", "def f(x)\n  x + 1\nend\n" },
        { "c", "int f(int x) { return x + 1; }" },
        { "cpp", "template<class T> T f(T x) { return x + 1; }" },
        { "rust", "fn f(x: i32) -> i32 { x + 1 }" },
        { "kotlin", "fun f(x: Int): Int = x + 1" },
        { "solidity", "pragma solidity ^0.8.0; contract A { function f(uint x) public pure returns (uint) { return x + 1; } }" },
        { "hcl", "resource \"aws_s3_bucket\" \"b\" { bucket = \"x\" }" },
        { "yaml", "a: 1\nb: [x, y]\n" },
        { "bash", "for f in *; do echo \"$f\"; done" },
        { "json", "{\"a\": [1, 2]}" },
    };

    [Theory]
    [MemberData(nameof(SampleByLanguage))]
    public void Every_language_parses_valid_code_without_errors(string language, string code)
    {
        var tree = Parse(language, code);

        Assert.Equal(0, tree.ErrorCount);
        Assert.True(tree.Count > 3);
        Assert.Equal(tree.Count, tree.Root.SubtreeEnd);
        Assert.Equal(code.Length, tree.Root.EndByte);
    }

    [Fact]
    public void Half_written_code_parses_with_error_nodes()
    {
        var tree = Parse("python", "def handler(request):\n    q = \"SELECT * FROM t WHERE id=\" + request.args['id']\n    cursor.execute(q");

        Assert.True(tree.ErrorCount > 0);
        Assert.Contains(tree.Nodes(), n => n.Kind == "call" || n.Text.StartsWith("cursor.execute", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(SampleByLanguage))]
    public void Children_siblings_parents_and_subtrees_agree(string language, string code)
    {
        var tree = Parse(language, code);

        foreach (var node in tree.Nodes())
        {
            var children = node.Children.ToList();
            Assert.Equal(node.ChildCount, children.Count);
            // Pre-order: the subtree is the node, then each child's subtree in turn, back to back.
            var next = node.Index + 1;
            foreach (var child in children)
            {
                Assert.Equal(node, child.Parent);
                Assert.True(node.Contains(child));
                Assert.Equal(next, child.Index);
                next = child.SubtreeEnd;
            }
            Assert.Equal(next, node.SubtreeEnd);
            Assert.True(children.Zip(children.Skip(1)).All(p => p.First.EndByte <= p.Second.StartByte));
        }
    }

    [Fact]
    public void Fields_comments_and_missing_tokens_are_marked()
    {
        var tree = Parse("javascript", "f(a, b); // note\nlet y = (2 + 3;\n");

        Assert.Contains(tree.Nodes(), n => n.Kind == "comment" && n.IsExtra && n.IsNamed);
        Assert.Contains(tree.Nodes(), n => n.IsMissing);
        Assert.Equal(tree.Nodes().Count(n => n.IsError || n.IsMissing), tree.ErrorCount);
        var call = tree.Nodes().First(n => n.Kind == "call_expression");
        Assert.Equal("f", call.ChildByField("function")!.Value.Text);
        Assert.Equal("(a, b)", call.ChildByField("arguments")!.Value.Text);
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused_with_a_clear_message()
    {
        var source = new SourceText("big.py", "python", new string('x', 2000));

        var error = Assert.Throws<ParseLimitException>(() => SyntaxParser.Parse(source, "python", new ParseLimits(1000, TimeSpan.FromSeconds(5))));

        Assert.Contains("over the 1,000-byte limit", error.Message);
    }

    [Fact]
    public void A_parse_past_its_deadline_stops_with_a_clear_message()
    {
        var code = string.Concat(Enumerable.Repeat("def f(x):\n    return [x + 1 for x in range(10) if x % 2]\n", 40_000));
        var source = new SourceText("slow.py", "python", code);

        var error = Assert.Throws<ParseLimitException>(() => SyntaxParser.Parse(source, "python", new ParseLimits(SyntaxParser.DefaultMaxBytes, TimeSpan.FromMilliseconds(1))));

        Assert.Contains("did not finish within 1 ms", error.Message);
        Assert.Equal(0, SyntaxParser.Parse(new SourceText("ok.py", "python", "x = 1\n"), "python").ErrorCount);
    }

    [Theory]
    [InlineData("python", "(", ")")]
    [InlineData("javascript", "[", "]")]
    [InlineData("c", "{", "}")]
    [InlineData("java", "(", ")")]
    public void Ten_thousand_deep_nesting_parses_without_crashing(string language, string open, string close)
    {
        var code = "x = " + string.Concat(Enumerable.Repeat(open, 10_000)) + "1" + string.Concat(Enumerable.Repeat(close, 10_000));

        var tree = Parse(language, code);

        Assert.True(tree.Count > 10_000);
    }

    [Fact]
    public void An_empty_input_parses_to_an_empty_root()
    {
        var tree = Parse("python", "");

        Assert.Equal(1, tree.Count);
        Assert.Equal(0, tree.Root.EndByte);
    }

    [Fact]
    public void Every_grammar_has_a_supported_abi_version()
    {
        foreach (var id in GrammarRegistry.GrammarIds)
        {
            var grammar = GrammarRegistry.Get(id);
            Assert.InRange(grammar.AbiVersion, Grammar.MinAbiVersion, Grammar.MaxAbiVersion);
        }
    }

    internal static SyntaxTree Parse(string language, string code)
    {
        var source = new SourceText("t", language, code);
        return SyntaxParser.Parse(source, LanguageIds.GrammarFor(language, code)!);
    }
}
