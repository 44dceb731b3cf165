using Portcullis.Core;
using Portcullis.Syntax;

namespace Portcullis.Analysis.Fixing.Rewrites;

/// <summary>
/// A fix written in C#, for what a template cannot say (a query whose values move into parameters, a
/// shell command split into an argument list). A rule names it in YAML (<c>fix: {rewrite: NAME,
/// focus: $X}</c>); it gets the node <c>$X</c> bound and proposes edits, or null when it cannot rewrite
/// this case exactly — a fix is offered only when it is right.
/// </summary>
internal interface ICodeRewrite
{
    string Name { get; }

    FixProposal? Propose(SyntaxNode focus, string description);
}
