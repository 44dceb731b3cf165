using System.Collections.Immutable;
using System.Globalization;
using Portcullis.Syntax;

namespace Portcullis.Analysis.Dataflow;

/// <summary>Calls (local helpers, containers, builders, the rest) and operators with constant folding.</summary>
internal sealed partial class FunctionInterpreter
{
    private TaintValue EvalCall(SyntaxNode node)
    {
        var (receiver, name) = Callee(node);
        var arguments = Arguments(node).ToList();
        var values = arguments.Select(a => Eval(a.Kind == "keyword_argument" ? a.ChildByField("value") ?? a : a)).ToList();
        var receiverValue = receiver is { } r ? Eval(r) : TaintValue.Clean;

        if (name is null)
        {
            return TaintValue.Join([receiverValue, .. values]);
        }
        if (LocalFunction(receiver, name, values.Count) is { } function && _depth < MaxCallDepth)
        {
            var result = _functions.Call(function, values, () => new FunctionInterpreter(_profile, _facts, _functions, Flows, _depth + 1, _project));
            if (result is not null)
            {
                return result;
            }
        }
        if (_project is not null && ProjectCall(receiver, receiverValue, name, arguments, values) is { } summarised)
        {
            return summarised;
        }
        if (receiver is { } target && (target.Kind is "identifier" or "variable_name" || MemberKinds.Contains(target.Kind)) && ContainerCall(target.Text, receiverValue, name, arguments, values) is { } container)
        {
            return container;
        }
        if (receiverValue.Constant is { } text && ConstantStringCall(text, name, values) is { } folded)
        {
            return folded;
        }
        return TaintValue.Join([receiverValue.Flattened(), .. values.Select(v => v.Flattened())]);
    }

    /// <summary>The receiver expression and the called name: a.b(...), b(...), a.b.c(...).</summary>
    private static (SyntaxNode? Receiver, string? Name) Callee(SyntaxNode call)
    {
        if (call.ChildByField("name") is { } name)
        {
            return (call.ChildByField("object") ?? call.ChildByField("scope"), name.Text);
        }
        if (call.ChildByField("function") is { } function)
        {
            return function.Kind switch
            {
                "attribute" => (function.ChildByField("object"), function.ChildByField("attribute")?.Text),
                "member_expression" => (function.ChildByField("object"), function.ChildByField("property")?.Text),
                "member_access_expression" => (function.ChildByField("expression"), function.ChildByField("name")?.Text),
                "selector_expression" => (function.ChildByField("operand"), function.ChildByField("field")?.Text),
                "identifier" or "name" => (null, function.Text),
                _ => (null, null),
            };
        }
        return (null, null);
    }

    /// <summary>A function of this file the call can reach: a bare call, or on this/self/a new instance.</summary>
    private SyntaxNode? LocalFunction(SyntaxNode? receiver, string name, int arity)
    {
        if (receiver is { } r && r.Kind is not ("this" or "this_expression" or "object_creation_expression") && r.Text is not ("self" or "cls" or "$this" or "static"))
        {
            return null;
        }
        return _functions.Find(name, arity, f => ParameterNames(f).Count);
    }

    /// <summary>Lists, maps and string builders held in a variable: their contents are tracked by position and key.</summary>
    private TaintValue? ContainerCall(string variable, TaintValue current, string name, List<SyntaxNode> arguments, List<TaintValue> values)
    {
        string? Key(int i) => i < values.Count ? values[i].Constant : null;
        if (AppendMethods.Contains(name) && values.Count >= 1 && (current.Elements is null || name != "append"))
        {
            var appended = TaintValue.Join(current.Flattened(), values[^1]);
            _env[variable] = current.Constant is { } a && values[^1].Constant is { } b && name == "append" ? TaintValue.Const(a + b) : appended;
            return _env[variable];
        }
        if (AddMethods.Contains(name) && values.Count == 1)
        {
            var list = current.Elements ?? [];
            _env[variable] = current with { Elements = list.Add(values[0]) };
            return TaintValue.Clean;
        }
        if (name is "put" or "setdefault" or "__setitem__" or "setAttribute" && values.Count == 2 && Key(0) is { } putKey)
        {
            var entries = current.Entries ?? ImmutableDictionary.Create<string, TaintValue>(StringComparer.Ordinal);
            _env[variable] = current with { Entries = entries.SetItem(putKey, values[1]) };
            return TaintValue.Clean;
        }
        if (name == "set" && values.Count == 3 && Key(0) is { } section && Key(1) is { } option)
        {
            // configparser: set(section, option, value) / get(section, option).
            var entries = current.Entries ?? ImmutableDictionary.Create<string, TaintValue>(StringComparer.Ordinal);
            _env[variable] = current with { Entries = entries.SetItem(section + "\0" + option, values[2]) };
            return TaintValue.Clean;
        }
        if (name == "get" && values.Count == 2 && current.Entries is { } sections && Key(0) is { } s && Key(1) is { } o && sections.TryGetValue(s + "\0" + o, out var configured))
        {
            return configured;
        }
        if (name is "remove" or "pop" && current.Elements is { } elements && Key(0) is { } removeKey && int.TryParse(removeKey, CultureInfo.InvariantCulture, out var at) && at >= 0 && at < elements.Count)
        {
            _env[variable] = current with { Elements = elements.RemoveAt(at) };
            return elements[at];
        }
        if (name is "get" or "getOrDefault" or "getAttribute" && values.Count >= 1 && (current.Entries is not null || current.Elements is not null))
        {
            var found = Element(current, Key(0));
            return name == "getOrDefault" && values.Count > 1 && current.Entries is { } map && Key(0) is { } k && !map.ContainsKey(k) ? values[1] : found;
        }
        _ = arguments;
        return null;
    }

    /// <summary>Methods on a constant string whose result is still constant (for switch and if folding).</summary>
    private static TaintValue? ConstantStringCall(string text, string name, List<TaintValue> values)
    {
        string? Arg(int i) => i < values.Count ? values[i].Constant : null;
        switch (name)
        {
            case "charAt" when int.TryParse(Arg(0), CultureInfo.InvariantCulture, out var i) && i >= 0 && i < text.Length:
                return TaintValue.Const(text[i].ToString());
            case "toString" or "trim" or "strip" or "intern":
                return TaintValue.Const(text.Trim());
            case "toUpperCase" or "upper":
                return TaintValue.Const(text.ToUpperInvariant());
            case "toLowerCase" or "lower":
                return TaintValue.Const(text.ToLowerInvariant());
            case "equals" or "equalsIgnoreCase" when Arg(0) is { } other:
                return TaintValue.Const(string.Equals(text, other, name == "equals" ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase) ? "true" : "false");
            case "length" or "__len__":
                return TaintValue.Const(text.Length.ToString(CultureInfo.InvariantCulture));
            default:
                return values.All(v => !v.Flattened().Tainted) ? TaintValue.Clean : null;
        }
    }

    private TaintValue EvalBinary(SyntaxNode node)
    {
        var operands = node.NamedChildren.ToList();
        var op = node.ChildByField("operator")?.Text ?? node.Children.FirstOrNull(c => !c.IsNamed)?.Text ?? "";
        if (operands.Count != 2)
        {
            return TaintValue.Join(operands.Select(Eval).ToList());
        }
        var left = Eval(operands[0]);
        var right = Eval(operands[1]);
        if (left.Constant is { } a && right.Constant is { } b && Fold(a, op, b) is { } folded)
        {
            return TaintValue.Const(folded);
        }
        if (op is "&&" or "and" && (ConstantTruth(left) == false || ConstantTruth(right) == false))
        {
            return TaintValue.Const("false");
        }
        if (op is "||" or "or" && (ConstantTruth(left) == true || ConstantTruth(right) == true))
        {
            return TaintValue.Const("true");
        }
        return TaintValue.Join(left.Flattened(), right.Flattened());
    }

    private static string? Fold(string a, string op, string b)
    {
        var numbers = double.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) & double.TryParse(b, NumberStyles.Float, CultureInfo.InvariantCulture, out var y);
        string Bool(bool v) => v ? "true" : "false";
        string Num(double v) => v.ToString(CultureInfo.InvariantCulture);
        if (numbers)
        {
            return op switch
            {
                "+" => Num(x + y),
                "-" => Num(x - y),
                "*" => Num(x * y),
                "/" when y != 0 => Num(Math.Truncate(x) == x && Math.Truncate(y) == y ? Math.Truncate(x / y) : x / y),
                "%" when y != 0 => Num(x % y),
                ">" => Bool(x > y),
                "<" => Bool(x < y),
                ">=" => Bool(x >= y),
                "<=" => Bool(x <= y),
                "==" => Bool(x == y),
                "!=" => Bool(x != y),
                "." => a + b,
                _ => null,
            };
        }
        return op switch
        {
            "+" or "." => a + b,
            "==" or "===" => Bool(a == b),
            "!==" => Bool(a != b),
            "!=" => Bool(a != b),
            "in" => Bool(b.Contains(a, StringComparison.Ordinal)),
            "not" or "not in" => Bool(!b.Contains(a, StringComparison.Ordinal)),
            _ => null,
        };
    }
}
