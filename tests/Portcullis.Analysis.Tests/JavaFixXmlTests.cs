using static Portcullis.Analysis.Tests.EmbeddedRuleFixes;

namespace Portcullis.Analysis.Tests;

/// <summary>Java XML parser factories get DTDs and external entities turned off right after they are created.</summary>
public sealed class JavaFixXmlTests
{
    private const string Rule = "java.xml.external-entities";

    [Theory]
    [InlineData(
        "Document parse(InputStream in) throws Exception {\n    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();\n",
        "    f.setFeature(\"http://apache.org/xml/features/disallow-doctype-decl\", true);\n")]
    [InlineData(
        "Document parse(InputStream in) throws ParserConfigurationException, SAXException {\n    SAXParserFactory f = SAXParserFactory.newInstance();\n",
        "    f.setFeature(\"http://apache.org/xml/features/disallow-doctype-decl\", true);\n")]
    [InlineData(
        "Document parse(InputStream in) {\n    XMLInputFactory f = XMLInputFactory.newInstance();\n",
        "    f.setProperty(javax.xml.stream.XMLInputFactory.SUPPORT_DTD, false);\n")]
    [InlineData(
        "Document parse(InputStream in) {\n    TransformerFactory f = TransformerFactory.newInstance();\n",
        "    f.setAttribute(javax.xml.XMLConstants.ACCESS_EXTERNAL_DTD, \"\");\n    f.setAttribute(javax.xml.XMLConstants.ACCESS_EXTERNAL_STYLESHEET, \"\");\n")]
    public void The_setting_follows_the_factory(string head, string setting)
    {
        var code = $"class P {{\n  {head}    return f.toString();\n  }}\n}}\n";

        var fixedCode = Fixed("java", code, Rule);

        Assert.Equal(code.Replace("newInstance();\n", "newInstance();\n" + setting, StringComparison.Ordinal), fixedCode);
    }

    [Theory]
    [InlineData("Document parse(InputStream in) {\n    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();\n")]
    [InlineData("Document parse(InputStream in) throws ParserConfigurationException {\n    SAXParserFactory f = SAXParserFactory.newInstance();\n")]
    [InlineData("Document parse(InputStream in) throws Exception {\n    SAXParserFactory f = SAXParserFactory.newInstance();\n    f.setValidating(true);\n")]
    public void No_fix_where_the_checked_exceptions_are_not_handled_or_the_parser_validates(string head)
    {
        var code = $"class P {{\n  {head}    return f.toString();\n  }}\n}}\n";

        Assert.Null(Fixed("java", code, Rule));
    }

    [Fact]
    public void A_catch_around_the_factory_handles_the_exceptions()
    {
        var code = "class P {\n  void parse(InputStream in) {\n    try {\n      SAXParserFactory f = SAXParserFactory.newInstance();\n      f.newSAXParser().parse(in, handler);\n    } catch (Exception e) {\n      log(e);\n    }\n  }\n}\n";

        var fixedCode = Fixed("java", code, Rule);

        Assert.Equal(code.Replace("newInstance();\n", "newInstance();\n      f.setFeature(\"http://apache.org/xml/features/disallow-doctype-decl\", true);\n", StringComparison.Ordinal), fixedCode);
    }
}
