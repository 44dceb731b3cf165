using System.Collections.Immutable;
using System.Globalization;
using Portcullis.Syntax;

namespace Portcullis.Analysis.Dataflow;

/// <summary>Expression evaluation: taint, constants, containers, calls and the sinks they reach.</summary>
internal sealed partial class FunctionInterpreter
{
    private static readonly HashSet<string> AppendMethods = new(StringComparer.Ordinal) { "append", "insert", "concat" };
    private static readonly HashSet<string> AddMethods = new(StringComparer.Ordinal) { "add", "append", "addLast", "push", "offer", "addElement", "Add" };

    /// <summary>Member access in the grammars with a profile: a.b, a->b, a.B, pkg.Name.</summary>
    private static readonly HashSet<string> MemberKinds = new(StringComparer.Ordinal)
    {
        "field_access", "attribute", "member_expression", "member_access_expression", "selector_expression",
        "nullsafe_member_access_expression", "scoped_property_access_expression", "conditional_access_expression",
    };

    /// <summary>Indexing: a[i] in the grammars with a profile.</summary>
    private static readonly HashSet<string> IndexKinds = new(StringComparer.Ordinal)
    {
        "array_access", "subscript", "subscript_expression", "element_access_expression", "index_expression",
    };

    /// <summary>Sinks that match this node: is their argument tainted here, before the node runs?</summary>
    private void CheckSinks(SyntaxNode node)
    {
        foreach (var hit in _facts.SinksAt(node))
        {
            if (hit.Argument.StartByte == node.StartByte && hit.Argument.EndByte == node.EndByte)
            {
                continue;
            }
            var value = Eval(hit.Argument);
            if (hit.Element is { } element && value.Elements is { } elements && element < elements.Count && !NamesAShell(elements[element]))
            {
                value = elements[element];
            }
            var reaching = value.Flattened();
            if (reaching.Tainted)
            {
                Flows.Add(new TaintFlow(hit, reaching.Origin));
            }
        }
    }

    /// <summary>
    /// A command list's program that is a shell (["sh", "-c", line]) makes its later words code again:
    /// then the whole list counts, not only the program.
    /// </summary>
    private static bool NamesAShell(TaintValue program) =>
        program.Constant is { } name && CommandShells.IsShell(name);

    private TaintValue Eval(SyntaxNode node)
    {
        if (!EnterNesting())
        {
            // Past the nesting limit the value is not computed: its origin is unknown.
            return TaintValue.FromParameter;
        }
        try
        {
            return EvalNode(node);
        }
        finally
        {
            _nesting--;
        }
    }

    private TaintValue EvalNode(SyntaxNode node)
    {
        CheckSinks(node);
        if (_facts.IsSanitizer(node))
        {
            return TaintValue.Clean;
        }
        if (_facts.IsSource(node))
        {
            return TaintValue.FromSource;
        }
        var kind = node.Kind;
        if (_profile.StringLiterals.Contains(kind))
        {
            return StringLiteral(node);
        }
        if (_profile.NumberLiterals.Contains(kind) || kind is "true" or "false" or "True" or "False")
        {
            return TaintValue.Const(node.Text.TrimEnd('L', 'l', 'f', 'F', 'd', 'D'));
        }
        if (kind is "boolean_literal" or "boolean")
        {
            return TaintValue.Const(node.Text.Trim().ToLowerInvariant());
        }
        if (_profile.Functions.Contains(kind))
        {
            // A function value (a callback): its body is analysed as a function of its own.
            return TaintValue.Clean;
        }
        if (_profile.Identifiers.Contains(kind) || kind is "this" or "self")
        {
            return _env.TryGetValue(node.Text, out var value) ? value : _unboundNamesAreUntrusted && kind != "this" ? TaintValue.FromParameter : TaintValue.Clean;
        }
        if (MemberKinds.Contains(kind))
        {
            if (_env.TryGetValue(node.Text, out var field))
            {
                return field;
            }
            var owner = MemberObject(node);
            // A field of this object that this function did not set was set by code the gate cannot
            // see (a constructor, a caller): its origin is unknown, as a parameter's is.
            return owner.Kind == "this" || (owner.Kind == "identifier" && owner.Text == "self") ? TaintValue.FromParameter : Eval(owner);
        }
        if (_profile.Assignments.Contains(kind) || _profile.AugmentedAssignments.Contains(kind))
        {
            return EvalAssignment(node);
        }
        if (_profile.Ternaries.Contains(kind))
        {
            return EvalTernary(node);
        }
        if (_profile.Calls.Contains(kind))
        {
            return EvalCall(node);
        }
        if (_profile.Constructions.Contains(kind))
        {
            return TaintValue.Join(Arguments(node).Select(Eval));
        }
        if (kind is "binary_expression" or "binary_operator" or "comparison_operator" or "boolean_operator")
        {
            return EvalBinary(node);
        }
        if (kind is "array_initializer" or "list" or "tuple" or "expression_list" or "set" or "array_creation_expression" or "array")
        {
            var elements = (kind == "array_creation_expression" ? node.ChildByField("value")?.NamedChildren ?? node.NamedChildren : node.NamedChildren)
                .Where(c => !c.IsExtra).Select(Eval).ToImmutableList();
            return new TaintValue(TaintOrigin.None, Elements: elements);
        }
        if (kind is "dictionary" or "object")
        {
            return EvalDictionary(node);
        }
        if (IndexKinds.Contains(kind))
        {
            return EvalIndex(node);
        }
        if (_profile.Declarations.Contains(kind))
        {
            EvalDeclarator(node);
            return TaintValue.Clean;
        }
        if (kind is "lambda_expression" or "lambda" or "method_reference" or "class_body" or "instanceof_expression" or "null_literal" or "none" or "comment"
            or "null" or "undefined" or "nil" or "regex" or "type_identifier" or "predefined_type")
        {
            return TaintValue.Clean;
        }
        if (kind is "as_expression" or "satisfies_expression" or "non_null_expression" or "type_assertion_expression")
        {
            // x as T, x!, x.(T): the value is the expression's.
            return node.NamedChildren.FirstOrNull() is { } expression ? Eval(expression) : TaintValue.Clean;
        }
        if (kind is "parenthesized_expression" or "cast_expression" or "await" or "expression_statement" or "not_operator" or "unary_expression" or "unary_operator"
            or "await_expression" or "prefix_unary_expression" or "unary_op_expression" or "argument" or "spread_element")
        {
            var inner = node.ChildByField("value") ?? node.ChildByField("operand") ?? node.ChildByField("argument") ?? node.NamedChildren.LastOrNull();
            var value = inner is { } i ? Eval(i) : TaintValue.Clean;
            return kind is "not_operator" || (kind is "unary_expression" or "prefix_unary_expression" or "unary_op_expression" && node.Text.StartsWith('!')) ? Negate(value) : value;
        }
        // Anything else (comprehensions, interpolations, keyword arguments...): built from its parts.
        return TaintValue.Join(node.NamedChildren.Where(c => !c.IsExtra).Select(Eval).ToList());
    }

    private void EvalDeclarator(SyntaxNode declarator)
    {
        if (declarator.ChildByField("name") is not { } name)
        {
            return;
        }
        // C# declarators hold the initial value without a field name.
        var initial = declarator.ChildByField("value")
            ?? declarator.NamedChildren.Where(c => c.FieldName is null && !c.IsExtra && c.StartByte > name.StartByte && c.Kind != "bracketed_argument_list").LastOrNull();
        var value = initial is { } v ? Eval(v) : TaintValue.Clean;
        if (name.Kind is "identifier")
        {
            _env[name.Text] = value;
            RecordInstance(name, declarator.Parent?.ChildByField("type"), initial);
        }
        else
        {
            Assign(name, value);
        }
    }

    /// <summary>The object of a member access: a in a.b.</summary>
    private static SyntaxNode MemberObject(SyntaxNode member) =>
        member.ChildByField("object") ?? member.ChildByField("expression") ?? member.ChildByField("operand") ?? member.ChildByField("scope") ?? member.NamedChildren.First();

    private TaintValue EvalAssignment(SyntaxNode node)
    {
        var left = node.ChildByField("left");
        var right = node.ChildByField("right");
        if (left is null || right is null)
        {
            return TaintValue.Clean;
        }
        var value = Eval(right.Value);
        var op = node.ChildByField("operator")?.Text ?? node.Children.FirstOrNull(c => !c.IsNamed && c.Text.EndsWith('='))?.Text ?? "=";
        if (op is not ("=" or ":="))
        {
            var current = Eval(left.Value);
            value = op == "+=" && current.Constant is { } a && value.Constant is { } b ? TaintValue.Const(a + b) : TaintValue.Join(current, value);
        }
        Assign(left.Value, value);
        RecordParse(left.Value, right.Value);
        RecordInstance(left.Value, null, right.Value);
        return value;
    }

    /// <summary>
    /// Remembers "u = urlparse(target)": a check on what a value was parsed into (u.netloc) is a check
    /// on the value itself.
    /// </summary>
    private void RecordParse(SyntaxNode target, SyntaxNode value)
    {
        if (target.Kind != "identifier")
        {
            return;
        }
        var arguments = _profile.Calls.Contains(value.Kind) ? Arguments(value).ToList() : [];
        if (arguments is [{ Kind: "identifier" } only])
        {
            _parsedFrom[target.Text] = only.Text;
        }
        else
        {
            _parsedFrom.Remove(target.Text);
        }
    }

    private void Assign(SyntaxNode target, TaintValue value)
    {
        switch (target.Kind)
        {
            case "identifier" or "variable_name" or "shorthand_property_identifier_pattern":
                _env[target.Text] = value;
                break;
            case var member when MemberKinds.Contains(member):
                _env[target.Text] = value;
                break;
            case "object_pattern" or "array_pattern":
                // const { id, name } = req.query: every name bound takes the value's taint.
                foreach (var bound in target.Descendants().Where(d => d.Kind is "shorthand_property_identifier_pattern" or "identifier"))
                {
                    _env[bound.Text] = value.Flattened() with { Constant = null };
                }
                break;
            case var indexing when IndexKinds.Contains(indexing):
                var (container, index) = IndexParts(target);
                if (container is { } c && index is { } i && _env.TryGetValue(c.Text, out var existing))
                {
                    var key = Eval(i).Constant;
                    _env[c.Text] = key is not null && existing.Entries is not null
                        ? existing with { Entries = existing.Entries.SetItem(key, value) }
                        : key is not null && existing.Elements is { } list && int.TryParse(key, CultureInfo.InvariantCulture, out var n) && n >= 0 && n < list.Count
                            ? existing with { Elements = list.SetItem(n, value) }
                            : TaintValue.Join(existing.Flattened(), value);
                }
                break;
            case "pattern_list" or "tuple_pattern" or "tuple" or "list_pattern" or "expression_list":
                var targets = target.NamedChildren.ToList();
                for (var k = 0; k < targets.Count; k++)
                {
                    Assign(targets[k], value.Elements is { } elements && k < elements.Count ? elements[k] : value.Flattened());
                }
                break;
        }
    }

    private TaintValue EvalTernary(SyntaxNode node)
    {
        SyntaxNode? condition, consequence, alternative;
        if (node.Kind == "conditional_expression")
        {
            // Python: consequence if condition else alternative, without field names.
            var parts = node.NamedChildren.ToList();
            if (parts.Count != 3)
            {
                return TaintValue.Join(parts.Select(Eval).ToList());
            }
            (consequence, condition, alternative) = (parts[0], parts[1], parts[2]);
        }
        else
        {
            (condition, consequence, alternative) = (node.ChildByField("condition"), node.ChildByField("consequence"), node.ChildByField("alternative"));
        }
        if (condition is null || consequence is null || alternative is null)
        {
            return TaintValue.Join(node.NamedChildren.Select(Eval).ToList());
        }
        return ConstantTruth(Eval(condition.Value)) switch
        {
            true => Eval(consequence.Value),
            false => Eval(alternative.Value),
            null => TaintValue.Merge(Eval(consequence.Value), Eval(alternative.Value)),
        };
    }

    private TaintValue EvalDictionary(SyntaxNode node)
    {
        var entries = ImmutableDictionary.CreateBuilder<string, TaintValue>(StringComparer.Ordinal);
        var rest = TaintValue.Clean;
        foreach (var pair in node.NamedChildren.Where(c => c.Kind == "pair"))
        {
            var value = pair.ChildByField("value") is { } v ? Eval(v) : TaintValue.Clean;
            if (pair.ChildByField("key") is { } k && Eval(k).Constant is { } key)
            {
                entries[key] = value;
            }
            else
            {
                rest = TaintValue.Join(rest, value);
            }
        }
        return new TaintValue(rest.Origin, Entries: entries.ToImmutable());
    }

    /// <summary>The container and the index of a[i] (fields differ by grammar; PHP names none).</summary>
    private static (SyntaxNode? Container, SyntaxNode? Index) IndexParts(SyntaxNode node)
    {
        var container = node.ChildByField("array") ?? node.ChildByField("value") ?? node.ChildByField("object") ?? node.ChildByField("operand") ?? node.ChildByField("expression");
        var index = node.ChildByField("index") ?? node.ChildByField("subscript");
        if (container is null && node.NamedChildren.Where(c => !c.IsExtra).ToList() is [var first, .. var rest])
        {
            container = first;
            index ??= rest.LastOrNull();
        }
        if (index is { Kind: "bracketed_argument_list" } brackets)
        {
            index = brackets.NamedChildren.FirstOrNull();
        }
        return (container, index);
    }

    private TaintValue EvalIndex(SyntaxNode node)
    {
        var (container, index) = IndexParts(node);
        if (container is null)
        {
            return TaintValue.Clean;
        }
        var value = Eval(container.Value);
        return Element(value, index is { } i ? Eval(i).Constant : null);
    }

    private static TaintValue Element(TaintValue container, string? key)
    {
        if (key is not null && container.Entries is { } entries)
        {
            return entries.TryGetValue(key, out var entry) ? entry : new TaintValue(container.Origin);
        }
        if (key is not null && container.Elements is { } list && int.TryParse(key, CultureInfo.InvariantCulture, out var n))
        {
            if (n < 0)
            {
                n += list.Count;
            }
            return n >= 0 && n < list.Count ? list[n] : new TaintValue(container.Origin);
        }
        return container.Flattened() with { Constant = null };
    }

    private TaintValue StringLiteral(SyntaxNode node)
    {
        // Interpolated parts: f"{x}", `${x}`, $"{x}", "$x" in PHP; the rest of a string's children
        // are its text pieces (fragments, content, escapes, quotes).
        var parts = node.NamedChildren.Where(c => !c.IsExtra && (c.Kind is "interpolation" or "template_substitution" || !IsStringPiece(c.Kind))).ToList();
        if (parts.Count > 0)
        {
            return TaintValue.Join(parts.Select(Eval).ToList());
        }
        var text = node.Text;
        var start = text.IndexOfAny(['"', '\'']);
        if (start < 0 || text.Length - start < 2)
        {
            return TaintValue.Const(text);
        }
        var quote = text[start];
        var quoteLength = text.AsSpan(start).StartsWith(new string(quote, 3)) ? 3 : 1;
        var end = text.Length - quoteLength;
        return TaintValue.Const(end >= start + quoteLength ? text[(start + quoteLength)..end] : "");
    }

    private static bool IsStringPiece(string kind) =>
        kind.Contains("string", StringComparison.Ordinal) || kind.Contains("fragment", StringComparison.Ordinal) || kind.Contains("escape", StringComparison.Ordinal)
            || kind.Contains("content", StringComparison.Ordinal) || kind.Contains("quote", StringComparison.Ordinal) || kind is "heredoc_start" or "heredoc_end" or "heredoc_body" or "nowdoc_body";

    private static TaintValue Negate(TaintValue value) => value.Constant switch
    {
        "true" or "True" => TaintValue.Const("false"),
        "false" or "False" => TaintValue.Const("true"),
        _ => value with { Constant = null },
    };

    private IEnumerable<SyntaxNode> Arguments(SyntaxNode call) =>
        call.ChildByField("arguments")?.NamedChildren.Where(a => !a.IsExtra) ?? [];
}
