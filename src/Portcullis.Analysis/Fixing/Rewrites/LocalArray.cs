using System.Globalization;
using Portcullis.Syntax;

namespace Portcullis.Analysis.Fixing.Rewrites;

/// <summary>A C array declared in a block: its name, element type and, when it is a literal, its length.</summary>
internal sealed record LocalArray(string Name, string ElementType, int? Length)
{
    /// <summary>
    /// The array a C / C++ identifier names where it is used: the nearest declaration of that name in
    /// the enclosing blocks, before the use. Null when the nearest declaration is not an array — a
    /// pointer, or a parameter written <c>char buf[64]</c>, which C turns into a pointer — because then
    /// <c>sizeof</c> is the size of a pointer and any bound built on it would be wrong.
    /// </summary>
    public static LocalArray? Declared(SyntaxNode identifier)
    {
        var name = identifier.Text;
        for (SyntaxNode? scope = identifier.Parent; scope is { } s; scope = s.Parent)
        {
            if (s.Kind is "function_definition" or "lambda_expression")
            {
                // Parameters are pointers whatever their declarator says; globals are not looked at.
                return null;
            }
            if (s.Kind is not ("compound_statement" or "translation_unit"))
            {
                continue;
            }
            foreach (var declaration in s.NamedChildren.Where(c => c.Kind == "declaration" && c.EndByte <= identifier.StartByte).Reverse())
            {
                foreach (var declarator in declaration.NamedChildren.Where(c => c.FieldName == "declarator"))
                {
                    var target = declarator.Kind == "init_declarator" ? declarator.ChildByField("declarator") : declarator;
                    if (target is not { } t || DeclaredName(t) != name)
                    {
                        continue;
                    }
                    if (t.Kind != "array_declarator" || t.ChildByField("declarator") is not { Kind: "identifier" } || declaration.ChildByField("type") is not { } type)
                    {
                        return null;
                    }
                    var length = t.ChildByField("size") is { Kind: "number_literal" } size && int.TryParse(size.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (int?)null;
                    return new LocalArray(name, type.Text, length);
                }
            }
        }
        return null;
    }

    private static string? DeclaredName(SyntaxNode declarator)
    {
        var current = declarator;
        while (current.Kind != "identifier")
        {
            if (current.ChildByField("declarator") is not { } inner)
            {
                return null;
            }
            current = inner;
        }
        return current.Text;
    }
}
