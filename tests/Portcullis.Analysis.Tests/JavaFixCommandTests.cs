using static Portcullis.Analysis.Tests.EmbeddedRuleFixes;

namespace Portcullis.Analysis.Tests;

/// <summary>Java command lines built from strings become a ProcessBuilder with one argument per value.</summary>
public sealed class JavaFixCommandTests
{
    private const string Servlet = "class T {{\n  void doPost(HttpServletRequest request, HttpServletResponse response) throws Exception {{\n    String host = request.getParameter(\"host\");\n    int count = Integer.parseInt(request.getParameter(\"n\"));\n{0}  }}\n}}\n";

    [Theory]
    [InlineData(
        "    Runtime.getRuntime().exec(\"ping -c 1 \" + host);\n",
        "    new ProcessBuilder(\"ping\", \"-c\", \"1\", host).start();\n")]
    [InlineData(
        "    Process p = Runtime.getRuntime().exec(\"ping -c \" + count + \" \" + host, null, new java.io.File(\"/tmp\"));\n",
        "    Process p = new ProcessBuilder(\"ping\", \"-c\", String.valueOf(count), host).directory(new java.io.File(\"/tmp\")).start();\n")]
    [InlineData(
        "    String[] args = {\"sh\", \"-c\", \"ping -c 1 \" + host};\n    Runtime r = Runtime.getRuntime();\n    r.exec(args);\n",
        "    String[] args = {\"sh\", \"-c\", \"ping -c 1 \" + host};\n    Runtime r = Runtime.getRuntime();\n    new ProcessBuilder(\"ping\", \"-c\", \"1\", host).start();\n")]
    [InlineData(
        "    String command = \"nslookup \" + host.trim();\n    Runtime.getRuntime().exec(command);\n",
        "    ProcessBuilder command = new ProcessBuilder(\"nslookup\", String.valueOf(host.trim()));\n    command.start();\n")]
    public void Request_values_become_single_arguments_of_a_fixed_program(string body, string expectedBody)
    {
        var fixedCode = Fixed("java", string.Format(Servlet, body), "java.taint.command-injection");

        Assert.Equal(string.Format(Servlet, expectedBody), fixedCode);
    }

    [Theory]
    [InlineData("    Runtime.getRuntime().exec(new String[] {\"sh\", \"-c\", \"ls \" + host + \" | wc -l\"});\n")]
    [InlineData("    Runtime.getRuntime().exec(\"cmd.exe /c dir \" + host);\n")]
    [InlineData("    Runtime.getRuntime().exec(host + \" -v\");\n")]
    [InlineData("    Runtime.getRuntime().exec(\"grep --regexp=\" + host + \" log.txt\");\n")]
    [InlineData("    Runtime.getRuntime().exec(\"ping \" + host, new String[] {\"A=b\"});\n")]
    public void No_fix_when_the_command_needs_a_shell_or_the_program_or_word_is_not_fixed(string body)
    {
        var findings = Findings("java", string.Format(Servlet, body), "java.taint.command-injection");

        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.Null(f.Fix));
    }

    [Fact]
    public void Without_a_shell_exec_split_the_text_at_spaces_and_the_fix_keeps_those_words()
    {
        var fixedCode = Fixed("java", string.Format(Servlet, "    Runtime.getRuntime().exec(\"ls \" + host + \" | wc\");\n"), "java.taint.command-injection");

        Assert.Equal(string.Format(Servlet, "    new ProcessBuilder(\"ls\", host, \"|\", \"wc\").start();\n"), fixedCode);
    }

    [Fact]
    public void A_shell_wrapper_in_a_process_builder_runs_the_program_directly()
    {
        var code = "class Run {\n  void run(String dir) throws java.io.IOException {\n    new ProcessBuilder(\"sh\", \"-c\", \"ls -l \" + dir).start();\n  }\n}\n";

        var fixedCode = Fixed("java", code, "java.command.runtime-exec");

        Assert.Equal(code.Replace("new ProcessBuilder(\"sh\", \"-c\", \"ls -l \" + dir)", "new ProcessBuilder(\"ls\", \"-l\", dir)", StringComparison.Ordinal), fixedCode);
    }
}
