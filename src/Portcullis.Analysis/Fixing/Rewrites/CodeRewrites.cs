namespace Portcullis.Analysis.Fixing.Rewrites;

/// <summary>The rewrites a rule's fix can name.</summary>
internal static class CodeRewrites
{
    private static readonly Dictionary<string, ICodeRewrite> ByName = new ICodeRewrite[]
    {
        new SqlParameterRewrite(),
        new CommandArgumentListRewrite(),
        new HtmlEscapeRewrite(),
        new DataParserRewrite(),
        new BoundedWriteRewrite(),
        new ScanfWidthRewrite(),
        new AesGcmCipherRewrite(),
        new JavaPathWithinBaseRewrite(),
        new LdapFilterArgumentsRewrite(),
        new XPathVariablesRewrite(),
        new PythonPathWithinBaseRewrite(),
        new JavaXPathVariablesRewrite(),
        new JavaCommandArgumentListRewrite(),
        new CSharpXPathFilterInCodeRewrite(),
        new CSharpJsonSerializerRewrite(),
        new JavaXmlEntitiesOffRewrite(),
    }.ToDictionary(r => r.Name, StringComparer.Ordinal);

    public static IReadOnlyCollection<string> Names => ByName.Keys;

    public static ICodeRewrite? Find(string name) => ByName.GetValueOrDefault(name);
}
