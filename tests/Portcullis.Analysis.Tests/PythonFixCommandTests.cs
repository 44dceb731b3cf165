using static Portcullis.Analysis.Tests.EmbeddedRuleFixes;

namespace Portcullis.Analysis.Tests;

/// <summary>python.command.injection's fix: the shell's words as an argument list, for every way Python starts a shell.</summary>
public sealed class PythonFixCommandTests
{
    private const string Rule = "python.command.injection";

    [Theory]
    [InlineData(
        "import subprocess\ndef keygen(path):\n    subprocess.check_call(\"ssh-keygen -q -f \" + path + \"/etc/ssh/key -N '' -t rsa\", shell=True)\n",
        "    subprocess.check_call([\"ssh-keygen\", \"-q\", \"-f\", path + \"/etc/ssh/key\", \"-N\", \"\", \"-t\", \"rsa\"])\n")]
    [InlineData(
        "import subprocess\ndef extract(filename):\n    subprocess.check_call(\"gzip -t '%s'\" % filename, shell=True)\n",
        "    subprocess.check_call([\"gzip\", \"-t\", str(filename)])\n")]
    [InlineData(
        "import subprocess\ndef text(pdf):\n    subprocess.call(\"/usr/bin/pdftotext \\\"%s\\\" -\" % pdf, shell=True)\n",
        "    subprocess.call([\"/usr/bin/pdftotext\", str(pdf), \"-\"])\n")]
    public void Quoted_and_glued_values_stay_one_argument(string code, string expectedTail)
    {
        var fixedCode = Fixed("python", code, Rule);

        Assert.NotNull(fixedCode);
        Assert.EndsWith(expectedTail, fixedCode, StringComparison.Ordinal);
    }

    [Fact]
    public void Os_system_whose_status_is_ignored_raises_on_failure()
    {
        var fixedCode = Fixed("python", "import os\ndef copy(name):\n    os.system('cp ' + name + ' /tmp/out')\n", Rule);

        Assert.Equal("import subprocess\nimport os\ndef copy(name):\n    subprocess.run([\"cp\", name, \"/tmp/out\"], check=True)\n", fixedCode);
    }

    [Fact]
    public void A_command_kept_in_a_variable_becomes_a_list_at_its_assignment()
    {
        var fixedCode = Fixed("python", "import os\ndef backup(name):\n    cmdline = 'tar czf /tmp/b.tgz ' + name\n    os.system(cmdline)\n", Rule);

        Assert.Equal("import subprocess\nimport os\ndef backup(name):\n    cmdline = [\"tar\", \"czf\", \"/tmp/b.tgz\", name]\n    subprocess.run(cmdline, check=True)\n", fixedCode);
    }

    [Fact]
    public void A_command_assigned_twice_is_not_rewritten()
    {
        // Which assignment reaches the call is not followed: no fix rather than a wrong one.
        Assert.Null(Fixed("python", "import os\ndef backup(name, full):\n    cmd = 'tar czf /tmp/b.tgz ' + name\n    if full:\n        cmd = 'tar czf /tmp/full.tgz /'\n    os.system(cmd)\n", Rule));
    }

    [Theory]
    [InlineData(
        "import os\ndef year(days):\n    return os.popen(\"date --date='\" + str(days) + \" day ago' +'%Y'\").read()[:-1]\n",
        "    return subprocess.run([\"date\", \"--date=\" + str(days) + \" day ago\", \"+%Y\"], stdout=subprocess.PIPE, text=True).stdout[:-1]\n")]
    [InlineData(
        "import os\ndef parents(rev):\n    return os.popen('hg log -r %d' % rev).readlines()\n",
        "    return subprocess.run([\"hg\", \"log\", \"-r\", str(rev)], stdout=subprocess.PIPE, text=True).stdout.splitlines(keepends=True)\n")]
    [InlineData(
        "import os\ndef command(pid):\n    with os.popen('ps -p %s -o command=' % (pid,), 'r') as p:\n        return p.readline()\n",
        "    with subprocess.Popen([\"ps\", \"-p\", str(pid), \"-o\", \"command=\"], stdout=subprocess.PIPE, text=True).stdout as p:\n        return p.readline()\n")]
    public void Os_popen_output_is_captured_from_a_process_without_a_shell(string code, string expectedTail)
    {
        var fixedCode = Fixed("python", code, Rule);

        Assert.NotNull(fixedCode);
        Assert.StartsWith("import subprocess\n", fixedCode, StringComparison.Ordinal);
        Assert.EndsWith(expectedTail, fixedCode, StringComparison.Ordinal);
    }

    [Theory]
    // The pipe's exit status comes from close(): a captured run has no such call.
    [InlineData("import os\ndef run(rev):\n    p = os.popen('hg log -r %d' % rev)\n    return p.close()\n")]
    // A glob, a redirection and a variable the shell expands: a list cannot do their work.
    [InlineData("import os\ndef clean(d):\n    os.system('rm ' + d + '/*.jpg')\n")]
    [InlineData("import subprocess\ndef unzip(f):\n    subprocess.call('gzip -cd %s > out' % f, shell=True)\n")]
    [InlineData("import subprocess\ndef home(f):\n    subprocess.call(\"cp \\\"$HOME/\" + f + \"\\\" .\", shell=True)\n")]
    // An unfinished quote: the text is not a command the shell would run either.
    [InlineData("import os\ndef show(f):\n    os.system(\"cat '\" + f)\n")]
    public void No_fix_when_the_shell_or_the_pipe_does_work_a_list_cannot(string code)
    {
        Assert.Null(Fixed("python", code, Rule));
    }
}
