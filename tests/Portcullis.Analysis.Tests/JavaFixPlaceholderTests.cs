using static Portcullis.Analysis.Tests.EmbeddedRuleFixes;

namespace Portcullis.Analysis.Tests;

/// <summary>Java queries that already have placeholders of their own get the new ones in JDBC's order.</summary>
public sealed class JavaFixPlaceholderTests
{
    private const string JavaServlet = "class T {{\n  void doPost(HttpServletRequest request, HttpServletResponse response) throws Exception {{\n    String id = request.getParameter(\"id\");\n{0}  }}\n}}\n";

    [Fact]
    public void A_value_after_a_bound_placeholder_takes_the_next_index()
    {
        var body = "    String sql = \"SELECT * FROM users WHERE name = ? AND password = '\" + id + \"'\";\n"
            + "    java.sql.PreparedStatement statement = connection.prepareStatement(sql, java.sql.Statement.RETURN_GENERATED_KEYS);\n"
            + "    statement.setString(1, \"foo\");\n    statement.execute();\n";

        var fixedCode = Fixed("java", string.Format(JavaServlet, body), "java.taint.sql-injection");

        var expected = "    String sql = \"SELECT * FROM users WHERE name = ? AND password = ?\";\n"
            + "    java.sql.PreparedStatement statement = connection.prepareStatement(sql, java.sql.Statement.RETURN_GENERATED_KEYS);\n"
            + "    statement.setObject(2, id);\n    statement.setString(1, \"foo\");\n    statement.execute();\n";
        Assert.Equal(string.Format(JavaServlet, expected), fixedCode);
    }

    [Fact]
    public void A_value_before_a_bound_placeholder_moves_the_existing_binding_along()
    {
        var body = "    java.sql.PreparedStatement ps = connection.prepareStatement(\"SELECT * FROM t WHERE a = '\" + id + \"' AND b = ?\");\n"
            + "    ps.setInt(1, 7);\n    ps.executeQuery();\n";

        var fixedCode = Fixed("java", string.Format(JavaServlet, body), "java.taint.sql-injection");

        var expected = "    java.sql.PreparedStatement ps = connection.prepareStatement(\"SELECT * FROM t WHERE a = ? AND b = ?\");\n"
            + "    ps.setObject(1, id);\n    ps.setInt(2, 7);\n    ps.executeQuery();\n";
        Assert.Equal(string.Format(JavaServlet, expected), fixedCode);
    }

    [Theory]
    [InlineData("    ps.setString(position, \"x\");\n")]
    [InlineData("    ps.setString(2, \"x\");\n")]
    [InlineData("    ps.setQueryTimeout(5);\n")]
    public void No_fix_when_the_existing_placeholders_are_not_all_bound_by_a_literal_index(string binding)
    {
        var body = "    int position = 1;\n    java.sql.PreparedStatement ps = connection.prepareStatement(\"SELECT * FROM t WHERE a = ? AND b = '\" + id + \"'\");\n"
            + binding + "    ps.executeQuery();\n";

        Assert.Null(Fixed("java", string.Format(JavaServlet, body), "java.taint.sql-injection"));
    }
}
