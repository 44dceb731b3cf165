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

    /// <summary>
    /// JavaScript, TypeScript and TSX: named and anonymous functions (callbacks passed to
    /// <c>app.get</c> are request handlers) are each analysed on their own.
    /// </summary>
    public static readonly LanguageProfile JavaScript = new(
        Functions: Set("function_declaration", "function_expression", "function", "arrow_function", "method_definition", "generator_function_declaration", "generator_function"),
        Parameters: Set("identifier", "assignment_pattern", "rest_pattern", "required_parameter", "optional_parameter"),
        Declarations: Set("variable_declarator"),
        Assignments: Set("assignment_expression"),
        AugmentedAssignments: Set("augmented_assignment_expression"),
        Ifs: Set("if_statement"),
        Ternaries: Set("ternary_expression"),
        Loops: Set("for_statement", "for_in_statement", "while_statement", "do_statement"),
        Returns: Set("return_statement"),
        Calls: Set("call_expression"),
        Constructions: Set("new_expression"),
        StringLiterals: Set("string", "template_string"),
        NumberLiterals: Set("number"),
        Identifiers: Set("identifier", "shorthand_property_identifier"),
        Switches: Set());

    /// <summary>C#: methods, constructors, local functions and lambdas (minimal API handlers).</summary>
    public static readonly LanguageProfile CSharp = new(
        Functions: Set("method_declaration", "constructor_declaration", "local_function_statement", "lambda_expression", "anonymous_method_expression"),
        Parameters: Set("parameter"),
        Declarations: Set("variable_declarator"),
        Assignments: Set("assignment_expression"),
        AugmentedAssignments: Set(),
        Ifs: Set("if_statement"),
        Ternaries: Set("conditional_expression"),
        Loops: Set("for_statement", "foreach_statement", "while_statement", "do_statement"),
        Returns: Set("return_statement"),
        Calls: Set("invocation_expression"),
        Constructions: Set("object_creation_expression", "implicit_object_creation_expression"),
        StringLiterals: Set("string_literal", "verbatim_string_literal", "raw_string_literal", "interpolated_string_expression", "character_literal"),
        NumberLiterals: Set("integer_literal", "real_literal"),
        Identifiers: Set("identifier"),
        Switches: Set());

    /// <summary>PHP: variables are <c>variable_name</c> nodes whose text keeps the <c>$</c>.</summary>
    public static readonly LanguageProfile Php = new(
        Functions: Set("function_definition", "method_declaration", "anonymous_function", "anonymous_function_creation_expression", "arrow_function"),
        Parameters: Set("simple_parameter", "variadic_parameter", "property_promotion_parameter"),
        Declarations: Set(),
        Assignments: Set("assignment_expression", "reference_assignment_expression"),
        AugmentedAssignments: Set("augmented_assignment_expression"),
        Ifs: Set("if_statement"),
        Ternaries: Set("conditional_expression"),
        Loops: Set("for_statement", "foreach_statement", "while_statement", "do_statement"),
        Returns: Set("return_statement"),
        Calls: Set("function_call_expression", "member_call_expression", "scoped_call_expression", "nullsafe_member_call_expression"),
        Constructions: Set("object_creation_expression"),
        StringLiterals: Set("string", "encapsed_string", "heredoc", "nowdoc"),
        NumberLiterals: Set("integer", "float"),
        Identifiers: Set("variable_name"),
        Switches: Set());

    /// <summary>Go: <c>:=</c> declarations are assignments of expression lists.</summary>
    public static readonly LanguageProfile Go = new(
        Functions: Set("function_declaration", "method_declaration", "func_literal"),
        Parameters: Set("parameter_declaration", "variadic_parameter_declaration"),
        Declarations: Set("var_spec", "const_spec"),
        Assignments: Set("assignment_statement", "short_var_declaration"),
        AugmentedAssignments: Set(),
        Ifs: Set("if_statement"),
        Ternaries: Set(),
        Loops: Set("for_statement"),
        Returns: Set("return_statement"),
        Calls: Set("call_expression"),
        Constructions: Set(),
        StringLiterals: Set("interpreted_string_literal", "raw_string_literal"),
        NumberLiterals: Set("int_literal", "float_literal"),
        Identifiers: Set("identifier"),
        Switches: Set());

    public static LanguageProfile? For(string grammarId) => grammarId switch
    {
        "java" => Java,
        "python" => Python,
        "javascript" or "typescript" or "tsx" => JavaScript,
        "c_sharp" => CSharp,
        "php" or "php_only" => Php,
        "go" => Go,
        _ => null,
    };

    private static HashSet<string> Set(params string[] kinds) => new(kinds, StringComparer.Ordinal);
}
