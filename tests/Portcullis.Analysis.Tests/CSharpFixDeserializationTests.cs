using static Portcullis.Analysis.Tests.EmbeddedRuleFixes;

namespace Portcullis.Analysis.Tests;

/// <summary>BinaryFormatter becomes System.Text.Json when every use in the file names its type.</summary>
public sealed class CSharpFixDeserializationTests
{
    private const string Rule = "csharp.deserialization.binary-formatter";

    [Fact]
    public void Every_formatter_of_the_file_reads_and_writes_json_and_its_declaration_goes()
    {
        var code = "class Store {\n  Settings Load(Stream stream) {\n    var formatter = new BinaryFormatter();\n    return (Settings)formatter.Deserialize(stream);\n  }\n"
            + "  void Save(Stream stream, Settings settings) {\n    new BinaryFormatter().Serialize(stream, settings);\n  }\n}\n";

        var findings = Findings("csharp", code, Rule);
        var fix = Assert.IsType<Portcullis.Core.Fix>(findings[0].Fix);
        var fixedCode = fix.FixedCode;

        Assert.Equal(2, findings.Count);
        Assert.Empty(Findings("csharp", fixedCode, Rule));
        Assert.Equal(
            "class Store {\n  Settings Load(Stream stream) {\n    return System.Text.Json.JsonSerializer.Deserialize<Settings>(stream);\n  }\n"
            + "  void Save(Stream stream, Settings settings) {\n    System.Text.Json.JsonSerializer.Serialize(stream, settings);\n  }\n}\n",
            fixedCode);
    }

    [Fact]
    public void A_fragment_outside_any_method_is_fixed_when_its_reads_name_their_type()
    {
        var code = "    {\n        BinaryFormatter bf = new BinaryFormatter();\n        var data = bf.Deserialize(file) as TabData;\n    }\n";

        var fixedCode = Fixed("csharp", code, Rule);

        Assert.Equal("    {\n        var data = System.Text.Json.JsonSerializer.Deserialize<TabData>(file);\n    }\n", fixedCode);
    }

    [Theory]
    [InlineData("    var formatter = new BinaryFormatter();\n    return formatter.Deserialize(stream);\n")]
    [InlineData("    var formatter = new BinaryFormatter();\n    return formatter.Deserialize(stream) as System.Net.CookieContainer;\n")]
    [InlineData("    var formatter = new BinaryFormatter();\n    Settings last = null;\n    while (stream.Position < stream.Length) { last = (Settings)formatter.Deserialize(stream); }\n    return last;\n")]
    [InlineData("    var formatter = new BinaryFormatter();\n    formatter.Binder = binder;\n    return (Settings)formatter.Deserialize(stream);\n")]
    public void No_fix_when_a_read_names_no_type_json_cannot_carry_it_or_the_formatter_is_used_otherwise(string body)
    {
        var code = $"class Store {{\n  object Load(Stream stream, SerializationBinder binder) {{\n{body}  }}\n}}\n";

        var findings = Findings("csharp", code, Rule);

        Assert.Single(findings);
        Assert.Null(findings[0].Fix);
    }
}
