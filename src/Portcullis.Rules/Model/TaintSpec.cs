namespace Portcullis.Rules.Model;

/// <summary>
/// A taint rule: untrusted data from a <see cref="Sources"/> match that reaches the argument of a
/// <see cref="Sinks"/> match without passing through a <see cref="Sanitizers"/> match is a finding.
/// Sources, sinks and sanitizers are match clauses in the target language, like structural patterns.
/// When a function shows no source, its parameters count as untrusted of unknown origin (an agent's
/// snippet rarely shows where its inputs come from), reported at <see cref="UnknownOriginSeverity"/>.
/// <see cref="Validators"/> are checks that bind <c>$VALUE</c>: an <c>if</c> whose condition holds one
/// and whose body leaves the function (return, raise, throw) makes <c>$VALUE</c> clean after it.
/// </summary>
public sealed record TaintSpec(
    IReadOnlyList<MatchClause> Sources,
    IReadOnlyList<TaintSink> Sinks,
    IReadOnlyList<MatchClause> Sanitizers,
    Core.Severity UnknownOriginSeverity,
    IReadOnlyList<MatchClause> Validators);

/// <summary>
/// A sink: a match clause and the metavariable it binds to the value that must not be tainted. With
/// <see cref="Element"/>, a list whose elements the function built (<c>cmd = ["ls", path]</c>) reaches
/// the sink only through that element: without a shell, only the first word of a command line names
/// the program, the others are its arguments. A value whose elements are not known counts whole, and so
/// does a list whose element names a shell (<c>["sh", "-c", line]</c>): the words after it are code.
/// </summary>
public sealed record TaintSink(MatchClause Clause, string Argument, int? Element = null);
