using Portcullis.Analysis.Fixing;
using static Portcullis.Analysis.Tests.EmbeddedRuleFixes;

namespace Portcullis.Analysis.Tests;

/// <summary>The fixes written in C# (Fixing/Rewrites), through the embedded rules that name them.</summary>
public sealed class FixRewriteTests
{
    [Theory]
    [InlineData(
        "import sqlite3\ndef f(cur, name):\n    cur.execute(\"SELECT * FROM users WHERE name = '\" + name + \"' AND age > \" + str(1))\n",
        "    cur.execute(\"SELECT * FROM users WHERE name = ? AND age > ?\", (name, str(1)))\n")]
    [InlineData(
        "import psycopg2\ndef f(cur, name):\n    cur.execute(f\"SELECT * FROM users WHERE name = '{name}'\")\n",
        "    cur.execute(\"SELECT * FROM users WHERE name = %s\", (name,))\n")]
    [InlineData(
        "import sqlite3\ndef f(cur, a, b):\n    q = \"SELECT * FROM t WHERE a = '{}' AND b = {}\".format(a, b)\n    cur.execute(q)\n",
        "    q = \"SELECT * FROM t WHERE a = ? AND b = ?\"\n    cur.execute(q, (a, b))\n")]
    public void Python_queries_get_parameters_in_the_style_of_the_driver(string code, string expectedTail)
    {
        var fixedCode = Fixed("python", code, "python.sql.query-built-from-strings");

        Assert.NotNull(fixedCode);
        Assert.EndsWith(expectedTail, fixedCode, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("import sqlite3\ndef f(cur, table):\n    cur.execute(\"SELECT * FROM \" + table)\n")]
    [InlineData("import sqlite3\ndef f(cur, name):\n    cur.execute(\"SELECT * FROM t WHERE n LIKE '%\" + name + \"%'\")\n")]
    [InlineData("import sqlite3\ndef f(cur, name, p):\n    cur.execute(\"SELECT * FROM t WHERE n = '\" + name + \"'\", p)\n")]
    public void No_fix_where_a_value_cannot_be_a_parameter(string code)
    {
        Assert.Null(Fixed("python", code, "python.sql.query-built-from-strings"));
    }

    [Theory]
    [InlineData(
        "const { Pool } = require('pg');\nasync function f(pool, id) {\n  return pool.query(`SELECT * FROM users WHERE id = ${id}`);\n}\n",
        "  return pool.query(\"SELECT * FROM users WHERE id = $1\", [id]);")]
    [InlineData(
        "const mysql = require('mysql2');\nfunction f(db, name) {\n  const sql = \"SELECT * FROM users WHERE name = '\" + name + \"'\";\n  db.query(sql, (err, rows) => {});\n}\n",
        "  const sql = \"SELECT * FROM users WHERE name = ?\";\n  db.query(sql, [name], (err, rows) => {});")]
    public void JavaScript_queries_get_parameters_and_keep_the_callback(string code, string expected)
    {
        var fixedCode = Fixed("javascript", code, "javascript.sql.query-built-from-strings");

        Assert.NotNull(fixedCode);
        Assert.Contains(expected, fixedCode, StringComparison.Ordinal);
    }

    [Fact]
    public void A_shell_command_becomes_an_argument_list_without_the_shell()
    {
        var fixedCode = Fixed("python", "import subprocess\ndef ping(host):\n    subprocess.run(\"ping -c 1 \" + host, shell=True, check=True)\n", "python.command.injection");

        Assert.Equal("import subprocess\ndef ping(host):\n    subprocess.run([\"ping\", \"-c\", \"1\", host], check=True)\n", fixedCode);
    }

    [Fact]
    public void Os_system_becomes_subprocess_run_and_the_import_is_added()
    {
        var fixedCode = Fixed("python", "import os\n\ndef backup(name):\n    code = os.system(f\"tar czf /tmp/b.tgz {name}\")\n", "python.command.injection");

        Assert.Equal("import subprocess\nimport os\n\ndef backup(name):\n    code = subprocess.run([\"tar\", \"czf\", \"/tmp/b.tgz\", str(name)]).returncode\n", fixedCode);
    }

    [Theory]
    [InlineData("import subprocess\ndef f(d):\n    subprocess.run(\"ls \" + d + \" | wc -l\", shell=True)\n")]
    [InlineData("import subprocess\ndef f(d):\n    subprocess.run(\"ls \" + d + \" > out.txt\", shell=True)\n")]
    [InlineData("import subprocess\ndef f(tool):\n    subprocess.run(tool + \" --version\", shell=True)\n")]
    public void No_fix_when_the_command_needs_a_shell_or_the_program_is_not_fixed(string code)
    {
        Assert.Null(Fixed("python", code, "python.command.injection"));
    }

    private const string JavaServlet = "class T {{\n  void doPost(HttpServletRequest request, HttpServletResponse response) throws Exception {{\n    String id = request.getParameter(\"id\");\n{0}  }}\n}}\n";

    [Theory]
    [InlineData(
        "    java.sql.Statement statement = connection.createStatement();\n    statement.executeQuery(\"SELECT * FROM users WHERE id = '\" + id + \"'\");\n",
        "    java.sql.Statement statement = connection.createStatement();\n    java.sql.PreparedStatement prepared = statement.getConnection().prepareStatement(\"SELECT * FROM users WHERE id = ?\");\n    prepared.setObject(1, id);\n    prepared.executeQuery();\n")]
    [InlineData(
        "    String sql = \"SELECT * FROM users WHERE id = \" + id;\n    java.sql.PreparedStatement ps = connection.prepareStatement(sql);\n    ps.executeQuery();\n",
        "    String sql = \"SELECT * FROM users WHERE id = ?\";\n    java.sql.PreparedStatement ps = connection.prepareStatement(sql);\n    ps.setObject(1, id);\n    ps.executeQuery();\n")]
    [InlineData(
        "    jdbcTemplate.queryForList(\"SELECT * FROM users WHERE id = '\" + id + \"'\");\n",
        "    jdbcTemplate.queryForList(\"SELECT * FROM users WHERE id = ?\", id);\n")]
    public void Java_queries_are_prepared_and_the_values_bound(string body, string expectedBody)
    {
        var fixedCode = Fixed("java", string.Format(JavaServlet, body), "java.taint.sql-injection");

        Assert.Equal(string.Format(JavaServlet, expectedBody), fixedCode);
    }

    [Fact]
    public void No_java_fix_when_the_query_already_has_placeholders_bound_elsewhere()
    {
        var body = "    java.sql.PreparedStatement ps = connection.prepareStatement(\"SELECT * FROM t WHERE a = ? AND b = '\" + id + \"'\");\n    bindFirst(ps);\n    ps.executeQuery();\n";

        Assert.Null(Fixed("java", string.Format(JavaServlet, body), "java.taint.sql-injection"));
    }

    [Fact]
    public void Html_responses_escape_the_values_and_not_the_markup()
    {
        var java = Fixed("java", string.Format(JavaServlet, "    response.getWriter().println(\"<p>\" + id + \"</p>\");\n"), "java.taint.xss");
        var python = Fixed(
            "python",
            "from flask import Flask, request\napp = Flask(__name__)\n\n@app.route('/hi')\ndef hi():\n    name = request.args.get('name')\n    return f\"<h1>Hello {name}</h1>\"\n",
            "python.xss.response");

        Assert.Equal(string.Format(JavaServlet, "    response.getWriter().println(\"<p>\" + org.owasp.encoder.Encode.forHtml(String.valueOf(id)) + \"</p>\");\n"), java);
        Assert.NotNull(python);
        Assert.StartsWith("import html\n", python, StringComparison.Ordinal);
        Assert.EndsWith("    return f\"<h1>Hello {html.escape(str(name))}</h1>\"\n", python, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_written_alone_is_escaped_where_it_is_written()
    {
        var fixedCode = Fixed("java", string.Format(JavaServlet, "    response.getWriter().print(id);\n    log(id);\n"), "java.taint.xss");

        Assert.Equal(string.Format(JavaServlet, "    response.getWriter().print(org.owasp.encoder.Encode.forHtml(String.valueOf(id)));\n    log(id);\n"), fixedCode);
    }

    [Theory]
    [InlineData("from __future__ import annotations\nimport os\n", "from __future__ import annotations\nimport subprocess\nimport os\n")]
    [InlineData("\"\"\"Tool.\"\"\"\nimport os\n", "\"\"\"Tool.\"\"\"\nimport subprocess\nimport os\n")]
    [InlineData("import os, subprocess\n", "import os, subprocess\n")]
    [InlineData("\"\"\"Tool.\"\"\"\nos = __import__('os')\n", "\"\"\"Tool.\"\"\"\nimport subprocess\nos = __import__('os')\n")]
    public void The_import_a_fix_needs_goes_after_docstrings_and_future_imports_once(string header, string expectedHeader)
    {
        var fixedCode = Fixed("python", header + "def f(name):\n    os.system(\"ls \" + name)\n", "python.command.injection");

        Assert.NotNull(fixedCode);
        Assert.StartsWith(expectedHeader + "def f(name):\n", fixedCode, StringComparison.Ordinal);
    }

    [Fact]
    public void A_diff_of_two_distant_changes_has_two_hunks()
    {
        var before = string.Join("\n", Enumerable.Range(1, 20).Select(i => $"line {i}")) + "\n";
        var after = "import x\n" + before.Replace("line 15\n", "line fifteen\n", StringComparison.Ordinal);

        var diff = UnifiedDiff.Create("f.py", before, after);

        Assert.Equal(
            "--- a/f.py\n+++ b/f.py\n@@ -1,3 +1,4 @@\n+import x\n line 1\n line 2\n line 3\n"
            + "@@ -12,7 +13,7 @@\n line 12\n line 13\n line 14\n-line 15\n+line fifteen\n line 16\n line 17\n line 18\n",
            diff);
    }

    [Fact]
    public void Each_of_several_findings_of_one_rule_gets_its_own_verified_fix_when_the_fix_adds_an_import()
    {
        // The import lands at the top of the file, far from the call it serves: the findings in between
        // are not "still firing where the fix landed".
        const string code = "def load(a, b, c):\n    x = eval(a)\n    y = eval(b)\n    z = eval(c)\n    return x, y, z\n";

        var findings = Findings("python", code, "python.code.eval-exec");

        Assert.Equal(3, findings.Count);
        Assert.All(findings, f => Assert.True(f.Fix is { Verified: true }, $"no verified fix at line {f.Span.StartLine}"));
        Assert.Contains("import ast\n", findings[2].Fix!.FixedCode, StringComparison.Ordinal);
        Assert.Contains("    z = ast.literal_eval(c)\n", findings[2].Fix!.FixedCode, StringComparison.Ordinal);
        Assert.Contains("    x = eval(a)\n", findings[2].Fix!.FixedCode, StringComparison.Ordinal);
    }

    [Fact]
    public void Applying_every_fix_to_a_fragment_that_starts_indented_imports_the_module_once()
    {
        // A method body cut out of its class: an import added above it sits in an ERROR node.
        const string fragment = "        parts = text.split('-')\n        first = eval(parts[0])\n        second = eval(parts[1])\n        return first, second\n";
        var (fixedCode, applied) = AllFixed("python", fragment);

        Assert.Equal(2, applied);
        Assert.Equal(1, fixedCode.Split('\n').Count(line => line == "import ast"));
        Assert.DoesNotContain("= eval(", fixedCode, StringComparison.Ordinal);
    }
}
