using Portcullis.Core;
using Portcullis.Syntax;

namespace Portcullis.Analysis.Fixing.Rewrites;

/// <summary>
/// Java JNDI: a search filter built by concatenation gets its values as filter arguments —
/// <c>ctx.search(base, "(uid=" + name + ")", sc)</c> becomes
/// <c>ctx.search(base, "(uid={0})", new Object[] {name}, sc)</c>. DirContext.search escapes each
/// argument for the filter (RFC 4515), so a value cannot add filter syntax. When the call already
/// passes arguments (<c>{0}</c> in the filter, an <c>Object[]</c> built in the method), the new values
/// are appended to that array and numbered after it.
/// </summary>
internal sealed class LdapFilterArgumentsRewrite : ICodeRewrite
{
    public string Name => "ldap-filter-arguments";

    public FixProposal? Propose(SyntaxNode focus, string description)
    {
        if (focus.Tree.Grammar.Id != "java" || focus.Parent is not { Kind: "argument_list" } argumentList
            || argumentList.Parent is not { Kind: "method_invocation" } call || call.ChildByField("name")?.Text != "search"
            || JavaCode.Arguments(call) is not { Count: 3 or 4 } arguments || arguments[1] != focus)
        {
            return null;
        }
        var built = focus.Kind == "identifier" ? SingleAssignment.ValueOf(focus) : focus;
        if (built is not { } filter || BuiltString.Decompose(filter) is not { } parts || parts.All(p => p.IsLiteral) || parts.Any(p => p.IsLiteral && p.Literal!.Contains('\\')))
        {
            return null;
        }
        var edits = new List<TextEdit>();
        var existing = 0;
        SyntaxNode? initializer = null;
        if (arguments.Count == 4)
        {
            // search(name, filter, Object[] filterArgs, SearchControls): the array the method builds.
            var array = arguments[2].Kind == "identifier" ? SingleAssignment.ValueOf(arguments[2]) : arguments[2];
            initializer = array?.Kind == "array_initializer" ? array
                : array?.Kind == "array_creation_expression" ? array.Value.ChildByField("value") : null;
            if (initializer is not { } given)
            {
                return null;
            }
            existing = given.NamedChildren.Count(c => !c.IsExtra);
        }
        else if (arguments[2].Kind == "array_initializer" || parts.Any(p => p.IsLiteral && p.Literal!.Contains('{')))
        {
            return null;
        }
        var valueNodes = parts.Where(p => !p.IsLiteral).Select(p => p.Expression!.Value).ToList();
        // The values are read where the arguments are built (the array, or the search): they must be
        // the values the filter was built from.
        var readAt = initializer ?? call;
        var (first, last) = readAt.StartByte < filter.StartByte ? (readAt, filter) : (filter, readAt);
        if (first != last && !filter.Contains(readAt) && valueNodes.Any(v => v.Kind != "identifier" && filter != focus || v.Kind == "identifier" && JavaCode.AssignedBetween(v.Text, first, last)))
        {
            return null;
        }
        var values = valueNodes.Select(v => v.Text).ToList();
        var index = existing;
        var literal = "\"" + string.Concat(parts.Select(p => p.IsLiteral ? p.Literal : $"{{{index++}}}")) + "\"";
        // Declared and used once, at the search: the variable now holds the filter with placeholders.
        var inVariable = focus.Kind == "identifier"
            && JavaCode.EnclosingBody(call)?.Descendants().Count(d => d.Kind == "identifier" && d.Text == focus.Text) == 2;
        var newArray = initializer is null ? $", new Object[] {{{string.Join(", ", values)}}}" : "";
        if (inVariable)
        {
            edits.Add(new TextEdit(filter.StartByte, filter.EndByte, literal));
            if (newArray.Length > 0)
            {
                edits.Add(new TextEdit(focus.EndByte, focus.EndByte, newArray));
            }
        }
        else
        {
            edits.Add(new TextEdit(focus.StartByte, focus.EndByte, literal + newArray));
        }
        if (initializer is { } elements)
        {
            var at = elements.NamedChildren.Where(c => !c.IsExtra).LastOrNull()?.EndByte ?? elements.Children.Last(c => c.Text == "}").StartByte;
            edits.Add(new TextEdit(at, at, (existing == 0 ? "" : ", ") + string.Join(", ", values)));
        }
        return new FixProposal(description, edits);
    }
}
