using static Portcullis.Analysis.Tests.EmbeddedRuleFixes;

namespace Portcullis.Analysis.Tests;

/// <summary>C# XPath queries with a value in an attribute test select by the constant path and compare in code.</summary>
public sealed class CSharpFixXPathTests
{
    private const string Rule = "csharp.xpath.query-from-non-constant";

    [Theory]
    [InlineData(
        "return member.XPathSelectElement(string.Format(\"param[@name='{0}']\", name));",
        "return member.XPathSelectElements(\"param\").FirstOrDefault(element => element.Attribute(\"name\")?.Value == name);")]
    [InlineData(
        "return member.XPathSelectElements($\"/doc/members/member[@id='{id}']\");",
        "return member.XPathSelectElements(\"/doc/members/member\").Where(element => element.Attribute(\"id\")?.Value == Convert.ToString(id));")]
    [InlineData(
        "return node.SelectSingleNode(\"property[@name='\" + name + \"']\");",
        "return node.SelectNodes(\"property\")?.Cast<XmlNode>().FirstOrDefault(node => node.Attributes?[\"name\"]?.Value == name);")]
    public void The_value_is_compared_in_code_not_parsed_as_xpath(string statement, string expected)
    {
        const string Code = "using System.Xml;\nusing System.Xml.Linq;\nusing System.Xml.XPath;\nclass Docs {{\n  object Find(XElement member, XmlNode node, string name, int id) {{\n    {0}\n  }}\n}}\n";

        var fixedCode = Fixed("csharp", string.Format(Code, statement), Rule);

        Assert.Equal(string.Format(Code.Replace("using System.Xml.XPath;\n", "using System.Xml.XPath;\nusing System.Linq;\n", StringComparison.Ordinal), expected), fixedCode);
    }

    [Theory]
    [InlineData("return node.SelectSingleNode(\"list[@type='\" + name + \"']/view\");")]
    [InlineData("return node.SelectSingleNode(\"property[@name=\" + name + \"]\");")]
    [InlineData("return node.SelectSingleNode(string.Format(\"property[@name='{0:D}']\", id));")]
    [InlineData("return node.SelectSingleNode(name);")]
    [InlineData("return node.SelectNodes(\"property[@name='\" + name + \"']\");")]
    public void No_fix_unless_the_query_is_a_path_and_one_quoted_attribute_test(string statement)
    {
        var code = $"using System.Xml;\nclass Docs {{\n  object Find(XmlNode node, string name, int id) {{\n    {statement}\n  }}\n}}\n";

        Assert.Null(Fixed("csharp", code, Rule));
    }

    [Fact]
    public void A_file_that_already_uses_linq_gets_no_second_using()
    {
        var code = "using System.Linq;\nusing System.Xml.Linq;\nclass Docs {\n  XElement Find(XElement member, string name) {\n    return member.XPathSelectElement(\"param[@name='\" + name + \"']\");\n  }\n}\n";

        var fixedCode = Fixed("csharp", code, Rule);

        Assert.NotNull(fixedCode);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(fixedCode, "using System.Linq;"));
    }
}
