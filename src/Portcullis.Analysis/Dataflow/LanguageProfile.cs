namespace Portcullis.Analysis.Dataflow;

/// <summary>
/// What the node kinds of one grammar mean to the dataflow interpreter: which are functions,
/// declarations, assignments, branches, loops, calls and literals, and which fields hold their parts.
/// </summary>
internal sealed record LanguageProfile(
    IReadOnlySet<string> Functions,
    IReadOnlySet<string> Parameters,
    IReadOnlySet<string> Declarations,
    IReadOnlySet<string> Assignments,
    IReadOnlySet<string> AugmentedAssignments,
    IReadOnlySet<string> Ifs,
    IReadOnlySet<string> Ternaries,
    IReadOnlySet<string> Loops,
    IReadOnlySet<string> Returns,
    IReadOnlySet<string> Calls,
    IReadOnlySet<string> Constructions,
    IReadOnlySet<string> StringLiterals,
    IReadOnlySet<string> NumberLiterals,
    IReadOnlySet<string> Identifiers,
    IReadOnlySet<string> Switches)
{
    public static readonly LanguageProfile Java = new(
        Functions: Set("method_declaration", "constructor_declaration"),
        Parameters: Set("formal_parameter", "spread_parameter"),
        Declarations: Set("variable_declarator"),
        Assignments: Set("assignment_expression"),
        AugmentedAssignments: Set(),
        Ifs: Set("if_statement"),
        Ternaries: Set("ternary_expression"),
        Loops: Set("for_statement", "enhanced_for_statement", "while_statement", "do_statement"),
        Returns: Set("return_statement"),
        Calls: Set("method_invocation"),
        Constructions: Set("object_creation_expression"),
        StringLiterals: Set("string_literal", "character_literal", "text_block"),
        NumberLiterals: Set("decimal_integer_literal", "decimal_floating_point_literal", "hex_integer_literal"),
        Identifiers: Set("identifier"),
        Switches: Set("switch_expression"));

    public static readonly LanguageProfile Python = new(
        Functions: Set("function_definition"),
        Parameters: Set("identifier", "typed_parameter", "default_parameter", "typed_default_parameter", "list_splat_pattern", "dictionary_splat_pattern"),
        Declarations: Set(),
        Assignments: Set("assignment"),
        AugmentedAssignments: Set("augmented_assignment"),
        Ifs: Set("if_statement"),
        Ternaries: Set("conditional_expression"),
        Loops: Set("for_statement", "while_statement"),
        Returns: Set("return_statement"),
        Calls: Set("call"),
        Constructions: Set(),
        StringLiterals: Set("string", "concatenated_string"),
        NumberLiterals: Set("integer", "float"),
        Identifiers: Set("identifier"),
        Switches: Set("match_statement"));

    public static LanguageProfile? For(string grammarId) => grammarId switch
    {
        "java" => Java,
        "python" => Python,
        _ => null,
    };

    private static HashSet<string> Set(params string[] kinds) => new(kinds, StringComparer.Ordinal);
}
