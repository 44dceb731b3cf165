using System.Text.RegularExpressions;
using Portcullis.Syntax;

namespace Portcullis.Analysis.Fixing.Rewrites;

/// <summary>
/// How many bytes a C / C++ write destination holds, as an expression the fixed call can pass, when the
/// code states it: a local array (<c>sizeof buf</c>), a struct member declared as an array
/// (<c>sizeof p-&gt;name</c>), a <c>char *</c> the function allocated itself (<c>char *d = malloc(n)</c>
/// → <c>n</c>), or a <c>char *</c> parameter followed by its size (<c>char *out, size_t outlen</c>).
/// Null whenever the size is not visible — the fix would be a guess.
/// </summary>
internal static partial class CDestinationSize
{
    /// <summary>The capacity in bytes, or null. Byte-sized element types only.</summary>
    public static string? Of(SyntaxNode destination)
    {
        switch (destination.Kind)
        {
            case "identifier" when LocalArray.Declared(destination) is { } array:
                return IsByteSized(array.ElementType) ? $"sizeof {destination.Text}" : null;
            case "identifier":
                return AllocatedSize(destination) ?? ParameterSize(destination);
            case "field_expression" when destination.ChildByField("field") is { } field && MemberIsByteArray(destination.Tree.Root, field.Text):
                return $"sizeof {destination.Text}";
            default:
                return null;
        }
    }

    /// <summary>Element types whose sizeof is 1, so a size in bytes is a length in characters.</summary>
    public static bool IsByteSized(string type) =>
        type is "char" or "signed char" or "unsigned char" or "uint8_t" or "int8_t" or "gchar" or "guchar" or "u_char" or "BYTE" or "CHAR" or "UCHAR";

    [GeneratedRegex(@"^(malloc|xmalloc|g_malloc|gpr_malloc|av_malloc|OPENSSL_malloc|emalloc|kmalloc|alloca|_alloca)$")]
    private static partial Regex Allocator();

    [GeneratedRegex(@"^(\w*_)?(len|length|size|sz|cap|capacity|max|maxlen|n|bufsize|buflen|bufsz|buf_size|buf_len|dstlen|dst_len|dstsize|dst_size|outlen|out_len|outsize|out_size)$", RegexOptions.IgnoreCase)]
    private static partial Regex SizeName();

    /// <summary>
    /// <c>char *d = malloc(n)</c> (or <c>d = malloc(n)</c>) in a block around the write, with neither
    /// <c>d</c> nor anything <c>n</c> names changed between the allocation and the write.
    /// </summary>
    private static string? AllocatedSize(SyntaxNode identifier)
    {
        var name = identifier.Text;
        if (identifier.Ancestors().FirstOrNull(a => a.Kind == "function_definition") is not { } function)
        {
            return null;
        }
        SyntaxNode? allocation = null;
        SyntaxNode? statement = null;
        foreach (var node in function.Descendants())
        {
            if (node.StartByte >= identifier.StartByte)
            {
                break;
            }
            if (AssignedValue(node, name) is { } value)
            {
                allocation = value;
                statement = node;
            }
        }
        if (allocation is not { } assigned || statement is not { } at || Unwrap(assigned) is not { Kind: "call_expression" } call
            || call.ChildByField("function") is not { Kind: "identifier" } allocator || !Allocator().IsMatch(allocator.Text)
            || call.ChildByField("arguments")?.NamedChildren.Where(c => !c.IsExtra).ToList() is not [var size]
            || !IsPure(size) || PointerElementType(function, name) is not { } type || !IsByteSized(type))
        {
            return null;
        }
        // The allocation must run before every path to the write: its statement sits in a block around it.
        var block = at.Ancestors().FirstOrNull(a => a.Kind == "compound_statement");
        if (block is not { } b || !identifier.Ancestors().Any(a => a == b))
        {
            return null;
        }
        var changed = size.Descendants().Prepend(size).Where(d => d.Kind == "identifier").Select(d => d.Text).Append(name).ToHashSet(StringComparer.Ordinal);
        return WrittenBetween(function, changed, assigned.EndByte, identifier.StartByte) || FilledBetween(function, Measured(size), assigned.EndByte, identifier.StartByte) ? null : size.Text;
    }

    /// <summary><c>void f(char *out, size_t outlen, ...)</c>: the parameter right after the pointer, named as a size.</summary>
    private static string? ParameterSize(SyntaxNode identifier)
    {
        var name = identifier.Text;
        if (identifier.Ancestors().FirstOrNull(a => a.Kind == "function_definition") is not { } function
            || function.ChildByField("declarator") is not { Kind: "function_declarator" } declarator
            || declarator.ChildByField("parameters") is not { } list)
        {
            return null;
        }
        var parameters = list.NamedChildren.Where(c => c.Kind == "parameter_declaration").ToList();
        var index = parameters.FindIndex(p => p.ChildByField("declarator") is { Kind: "pointer_declarator" } d && d.ChildByField("declarator")?.Text == name);
        if (index < 0 || index + 1 >= parameters.Count || parameters[index].ChildByField("type") is not { } type || !IsByteSized(type.Text)
            || parameters[index + 1].ChildByField("declarator") is not { Kind: "identifier" } size
            || parameters[index + 1].ChildByField("type")?.Text is not ("size_t" or "int" or "unsigned" or "unsigned int" or "long" or "unsigned long" or "socklen_t" or "DWORD")
            || !SizeName().IsMatch(size.Text)
            || function.ChildByField("body") is not { } body
            || WrittenBetween(body, new HashSet<string>(StringComparer.Ordinal) { name, size.Text }, body.StartByte, identifier.StartByte))
        {
            return null;
        }
        return size.Text;
    }

    /// <summary>A struct member of that name declared somewhere in the file, always as a byte array.</summary>
    private static bool MemberIsByteArray(SyntaxNode root, string member)
    {
        var found = false;
        foreach (var field in root.Descendants().Where(d => d.Kind == "field_declaration"))
        {
            foreach (var declarator in field.NamedChildren.Where(c => c.FieldName == "declarator"))
            {
                var inner = declarator;
                while (inner.Kind != "field_identifier" && inner.ChildByField("declarator") is { } next)
                {
                    inner = next;
                }
                if (inner.Text != member)
                {
                    continue;
                }
                if (declarator.Kind != "array_declarator" || declarator.ChildByField("declarator")?.Kind != "field_identifier"
                    || field.ChildByField("type") is not { } type || !IsByteSized(type.Text))
                {
                    return false;
                }
                found = true;
            }
        }
        return found;
    }

    private static SyntaxNode? AssignedValue(SyntaxNode node, string name) => node.Kind switch
    {
        "init_declarator" when DeclaredIdentifier(node.ChildByField("declarator")) == name => node.ChildByField("value"),
        "assignment_expression" when node.ChildByField("left") is { Kind: "identifier" } left && left.Text == name => node.ChildByField("right"),
        _ => null,
    };

    private static string? DeclaredIdentifier(SyntaxNode? declarator)
    {
        while (declarator is { Kind: "pointer_declarator" } pointer)
        {
            declarator = pointer.ChildByField("declarator");
        }
        return declarator is { Kind: "identifier" } identifier ? identifier.Text : null;
    }

    /// <summary>The element type of a <c>T *name</c> declared in the function (parameter or local).</summary>
    private static string? PointerElementType(SyntaxNode function, string name)
    {
        foreach (var declaration in function.Descendants().Where(d => d.Kind is "declaration" or "parameter_declaration"))
        {
            foreach (var declarator in declaration.NamedChildren.Where(c => c.FieldName == "declarator"))
            {
                var target = declarator.Kind == "init_declarator" ? declarator.ChildByField("declarator") : declarator;
                if (target is { Kind: "pointer_declarator" } pointer && pointer.ChildByField("declarator") is { Kind: "identifier" } id && id.Text == name)
                {
                    return declaration.ChildByField("type")?.Text;
                }
            }
        }
        return null;
    }

    private static SyntaxNode Unwrap(SyntaxNode value)
    {
        while (true)
        {
            if (value.Kind == "cast_expression" && value.ChildByField("value") is { } cast)
            {
                value = cast;
            }
            else if (value.Kind == "parenthesized_expression" && value.NamedChildren.FirstOrNull(c => !c.IsExtra) is { } inner)
            {
                value = inner;
            }
            else
            {
                return value;
            }
        }
    }

    /// <summary>Names, numbers, sizeof and arithmetic: an expression the fixed call can evaluate again to the same value.</summary>
    private static bool IsPure(SyntaxNode expression) => expression.Kind switch
    {
        "identifier" or "number_literal" or "sizeof_expression" => true,
        "binary_expression" => expression.ChildByField("operator")?.Text is "+" or "-" or "*" or "/"
            && expression.ChildByField("left") is { } l && IsPure(l) && expression.ChildByField("right") is { } r && IsPure(r),
        "parenthesized_expression" => expression.NamedChildren.FirstOrNull(c => !c.IsExtra) is { } inner && IsPure(inner),
        "call_expression" => expression.ChildByField("function")?.Text == "strlen"
            && expression.ChildByField("arguments")?.NamedChildren.Where(c => !c.IsExtra).ToList() is [{ Kind: "identifier" }],
        _ => false,
    };

    private static HashSet<string> Measured(SyntaxNode size) =>
        size.Descendants().Prepend(size).Where(d => d.Kind == "call_expression").SelectMany(c => c.ChildByField("arguments")?.NamedChildren ?? [])
            .Where(a => a.Kind == "identifier").Select(a => a.Text).ToHashSet(StringComparer.Ordinal);

    /// <summary>Whether a call in the range writes into one of the names (its first argument): a string measured by strlen would have changed.</summary>
    private static bool FilledBetween(SyntaxNode scope, HashSet<string> names, int start, int end) =>
        scope.Descendants().Any(d => d.StartByte >= start && d.EndByte <= end && d.Kind == "call_expression"
            && d.ChildByField("function")?.Text != "strlen"
            && d.ChildByField("arguments")?.NamedChildren.FirstOrNull(c => !c.IsExtra) is { Kind: "identifier" } first && names.Contains(first.Text));

    /// <summary>Whether any of the names is assigned, incremented or has its address taken in the range.</summary>
    private static bool WrittenBetween(SyntaxNode scope, HashSet<string> names, int start, int end) =>
        scope.Descendants().Any(d => d.StartByte >= start && d.EndByte <= end && d.Kind switch
        {
            "assignment_expression" => d.ChildByField("left") is { Kind: "identifier" } left && names.Contains(left.Text),
            "update_expression" => d.ChildByField("argument") is { Kind: "identifier" } argument && names.Contains(argument.Text),
            "pointer_expression" => d.ChildByField("operator")?.Text == "&" && d.ChildByField("argument") is { Kind: "identifier" } taken && names.Contains(taken.Text),
            "init_declarator" => DeclaredIdentifier(d.ChildByField("declarator")) is { } declared && names.Contains(declared),
            _ => false,
        });
}
