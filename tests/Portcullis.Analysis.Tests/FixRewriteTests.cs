using Portcullis.Analysis.Fixing;
using Portcullis.Analysis.Matching;
using Portcullis.Analysis.Pipeline;
using Portcullis.Core;

namespace Portcullis.Analysis.Tests;

/// <summary>The fixes written in C# (Fixing/Rewrites), through the embedded rules that name them.</summary>
public sealed class FixRewriteTests
{
    private static readonly Lazy<ScanEngine> Engine = new(() => new ScanEngine([.. StructuralRules.CreateAnalyzers(StructuralRules.LoadDefinitions())]));

    /// <summary>The code after the verified fix of the one finding of the rule, or null when none was offered.</summary>
    private static string? Fixed(string language, string code, string ruleId)
    {
        var finding = Assert.Single(Engine.Value.Scan(new SourceText("t", language, code)).Findings, f => f.RuleId == ruleId);
        return finding.Fix is { Verified: true } fix ? fix.FixedCode : null;
    }

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
    [InlineData("import subprocess\ndef f(d):\n    subprocess.run(\"ls '\" + d + \"'\", shell=True)\n")]
    [InlineData("import subprocess\ndef f(tool):\n    subprocess.run(tool + \" --version\", shell=True)\n")]
    public void No_fix_when_the_command_needs_a_shell_or_the_program_is_not_fixed(string code)
    {
        Assert.Null(Fixed("python", code, "python.command.injection"));
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
}
